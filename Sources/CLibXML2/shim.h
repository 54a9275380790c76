// libxml2's HTML and XML parsers and the tree they build, for the Pages target.
#ifndef PARKLINE_CLIBXML2_SHIM_H
#define PARKLINE_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#endif
