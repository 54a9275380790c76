import CLibXML2

/// The only place that touches libxml2: parses already-decoded text and copies
/// the tree into `MarkupElement` values, freeing libxml2's document before it
/// returns.
enum MarkupParser {
    /// libxml2 wants `xmlInitParser` once before parsing on several threads.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Deeper than any real page; stops a hostile one from exhausting the stack.
    private static let maximumDepth = 400

    /// Parses HTML leniently (broken markup is repaired, nothing is printed,
    /// nothing is fetched). The text is already Unicode, so a `<meta charset>`
    /// inside it is ignored.
    static func html(_ text: String) -> MarkupElement? {
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        return parse(text) { htmlReadMemory($0, $1, nil, "UTF-8", Int32(bitPattern: options)) }
    }

    /// Parses XML without touching the network, loading a DTD or expanding
    /// entities (no XXE); recovers from the small errors feeds often have.
    static func xml(_ text: String) -> MarkupElement? {
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue
        return parse(text) { xmlReadMemory($0, $1, nil, "UTF-8", Int32(bitPattern: options)) }
    }

    /// `text` as NUL-terminated UTF-8 handed to one of libxml2's readers; the
    /// tree it builds is copied out and freed.
    private static func parse(_ text: String, _ read: (UnsafePointer<CChar>, Int32) -> xmlDocPtr?) -> MarkupElement? {
        _ = initialized
        var utf8 = Array(text.utf8)
        if utf8.isEmpty { return nil }
        guard utf8.count < Int(Int32.max) else { return nil }
        utf8.append(0)
        let document = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { read($0, Int32(buffer.count - 1)) }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        return root(of: document)
    }

    private static func root(of document: xmlDocPtr) -> MarkupElement? {
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return element(root, depth: 0)
    }

    private static func element(_ node: xmlNodePtr, depth: Int) -> MarkupElement {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                attributes[String(cString: name).lowercased()] = text(of: current.pointee.children)
            }
            attribute = current.pointee.next
        }
        var children: [MarkupElement.Child] = []
        var child = node.pointee.children
        while let current = child, depth < maximumDepth {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(element(current, depth: depth + 1)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    children.append(.text(String(cString: content)))
                }
            default:
                break  // comments, processing instructions, unexpanded entity references
            }
            child = current.pointee.next
        }
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        return MarkupElement(name: name, attributes: attributes, children: children)
    }

    /// An attribute's value: the text nodes libxml2 keeps as its children.
    private static func text(of first: xmlNodePtr?) -> String {
        var result = ""
        var node = first
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                result += String(cString: content)
            }
            node = current.pointee.next
        }
        return result
    }
}
