// CLibXML2: the parts of libxml2 Samsvar uses — the SAX2 push parser for RDF/XML,
// exclusive C14N for XML literals, and (later) XSD validation.
// Variadic or macro-only libxml2 API is wrapped in static inline helpers here.
#ifndef SAMSVAR_CLIBXML2_SHIM_H
#define SAMSVAR_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, and <libxml/encoding.h> then includes the system's
// <unicode/ucnv.h>. Its UErrorCode clashes with the ICU that Foundation bundles, so any
// Swift module that sees both Foundation and this module fails to compile. Nothing here
// uses ICU: hide it. (It only drops the two ICU pointers at the end of
// xmlCharEncodingHandler, a struct Swift code never allocates or reads.)
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/c14n.h>
#include <libxml/entities.h>
#include <libxml/xmlschemas.h>

#endif
