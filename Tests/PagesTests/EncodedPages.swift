import Foundation

/// Pages in legacy Chinese encodings, produced at authoring time with
/// `iconv -f UTF-8 -t GBK` (and `-t BIG5`) from pages written for these tests
/// and stored as Base64 so the bytes survive any editor.
enum EncodedPages {
    /// GBK, declaring `charset=gb2312` in `<meta http-equiv>`; a sidebar
    /// (`class="xgxw"`) links a dated headline.
    static let gbkDeclared = bytes(
        "PGh0bWw+PGhlYWQ+PG1ldGEgaHR0cC1lcXVpdj0iQ29udGVudC1UeXBlIiBjb250ZW50PSJ0ZXh0L2h0bWw7IGNoYXJzZXQ9Z2Iy",
        "MzEyIj4KPHRpdGxlPraruv6439DCx/i54rXn19Oy+tK11LDQwtT2wb3M9cn6svrP31+2q7r+uN/Qwsf4PC90aXRsZT48L2hlYWQ+",
        "Cjxib2R5PjxkaXYgY2xhc3M9InhneHciPjxhIGhyZWY9Ii9hLzEuaHRtbCI+MjAyMi0wNi0wNiDUsMf41dm/qrfA0bS5pNf3u+HS",
        "6TwvYT48L2Rpdj4KPGRpdiBpZD0iY29udGVudCI+PHA+vMfV37TTtqu6/rjf0MLH+Lvxz6SjrLnitefX07L60rXUsLG+1MLQwtT2",
        "wb3M9dC+xqy34tewyfqy+s/fo6zIq7K/zbay+rrzxOqy+ta11KS8xrOsuf3KrtLa1KqhozwvcD4KPHA+1LDH+Li61PDIy7Htyr6j",
        "rM/C0ruyvb2rvMzQ+M3qycbF5MzXt/7O8aOszca2r8nPz8LTzsbz0rW8r77bt6LVuaGjPC9wPjwvZGl2PjwvYm9keT48L2h0bWw+",
        "Cg=="
    )

    /// The same page without the `<meta>` declaration.
    static let gbkUndeclared = bytes(
        "PGh0bWw+PGhlYWQ+Cjx0aXRsZT62q7r+uN/Qwsf4ueK159fTsvrStdSw0MLU9sG9zPXJ+rL6z99ftqu6/rjf0MLH+DwvdGl0bGU+",
        "PC9oZWFkPgo8Ym9keT48ZGl2IGNsYXNzPSJ4Z3h3Ij48YSBocmVmPSIvYS8xLmh0bWwiPjIwMjItMDYtMDYg1LDH+NXZv6q3wNG0",
        "uaTX97vh0uk8L2E+PC9kaXY+CjxkaXYgaWQ9ImNvbnRlbnQiPjxwPrzH1d+007aruv6439DCx/i78c+ko6y54rXn19Oy+tK11LCx",
        "vtTC0MLU9sG9zPXQvsast+LXsMn6svrP36OsyKuyv822svq688TqsvrWtdSkvMazrLn9yq7S2tSqoaM8L3A+CjxwPtSwx/i4utTw",
        "yMux7cq+o6zPwtK7sr29q7zM0PjN6snGxeTM17f+zvGjrM3Gtq/Jz8/C087G89K1vK++27ei1bmhozwvcD48L2Rpdj48L2JvZHk+",
        "PC9odG1sPgo="
    )

    /// Big5 (traditional characters), nothing declared.
    static let big5Undeclared = bytes(
        "PGh0bWw+PGhlYWQ+PHRpdGxlPqzsvse26bDPt3Or2KzjtW+karzTuKimqLHSpc48L3RpdGxlPjwvaGVhZD4KPGJvZHk+PGRpdj48",
        "cD6s7L7Htumwz7dzq9iquqzjtW+karzTqfOlu7Znpb+mobiopqix0qXOoUGtuqfltmm+bqq6uc62pKZAprOkS65hoUGyW7tcpWK+",
        "ycXpu1C667FLvvex8bWlu+Kw7KFDPC9wPgo8cD626bDPut6yerPmpuyq7aXcoUGxTqv5xPKn77W9peazcbtQpc2sob73r+ChQads",
        "pN6n86ZopEikfqtlqNO1b65poUM8L3A+PC9kaXY+PC9ib2R5PjwvaHRtbD4K"
    )

    private static func bytes(_ parts: String...) -> [UInt8] {
        [UInt8](Data(base64Encoded: parts.joined())!)
    }
}
