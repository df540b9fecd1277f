/// Alignment: label normalisation, similarity and candidate indexes, scoring and selection of concept mappings, SSSOM and gold-alignment I/O.
import Foundation
