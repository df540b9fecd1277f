// CLibXML2: the parts of libxml2 Samsvar uses — the SAX2 push parser for RDF/XML,
// exclusive C14N for XML literals, and (later) XSD validation.
// Variadic or macro-only libxml2 API is wrapped in static inline helpers here.
#ifndef SAMSVAR_CLIBXML2_SHIM_H
#define SAMSVAR_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/c14n.h>
#include <libxml/entities.h>
#include <libxml/xmlschemas.h>

#endif
