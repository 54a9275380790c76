// libxml2's HTML and XML parsers and the tree they build, for the Pages target.
#ifndef PARKLINE_CLIBXML2_SHIM_H
#define PARKLINE_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, so its encoding.h would pull in the
// system's <unicode/*.h>, whose UErrorCode clashes with the ICU copy inside
// Foundation (_FoundationICU) in any module that imports both: a clean build
// fails with "UErrorCode has different definitions in different modules".
// Pages never touches libxml2's ICU converters (it decodes bytes itself and
// hands libxml2 UTF-8), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#endif
