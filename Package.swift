// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Samsvar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "samsvar", targets: ["SamsvarCLI"]),
        .library(name: "RDF", targets: ["RDF"]),
        .library(name: "Turtle", targets: ["Turtle"]),
        .library(name: "RDFXML", targets: ["RDFXML"]),
        .library(name: "RDFIO", targets: ["RDFIO"]),
        .library(name: "SHACL", targets: ["SHACL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "RDF"),
        .target(name: "Turtle", dependencies: ["RDF"]),
        .target(name: "XMLSupport", dependencies: ["CLibXML2"]),
        .target(name: "RDFXML", dependencies: ["RDF", "CLibXML2", "XMLSupport"]),
        .target(name: "RDFIO", dependencies: ["RDF", "Turtle", "RDFXML"]),
        .target(name: "SHACL", dependencies: ["RDF", "RDFIO"]),
        .target(
            name: "Store",
            dependencies: ["RDF", "RDFIO", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "Catalog",
            dependencies: [
                "RDF", "RDFIO", "SHACL", "Store",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "Concepts", dependencies: ["RDF", "RDFIO", "Store"]),
        .target(
            name: "Alignment",
            dependencies: ["RDF", "RDFIO", "Store", "Concepts", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Mapping",
            dependencies: ["RDF", "RDFIO", "Alignment", "CLibXML2", "XMLSupport", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "SamsvarCLI",
            dependencies: [
                "Catalog",
                "Concepts",
                "Alignment",
                "Mapping",
                "RDFIO",
                "SHACL",
                "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support (like HummingbirdTesting): the W3C manifest reader and the
        // conformance harness that every syntax's test target shares.
        .target(name: "RDFTestSupport", dependencies: ["RDF", "Turtle", "RDFIO"], path: "Tests/RDFTestSupport"),
        .testTarget(name: "RDFTests", dependencies: ["RDF"]),
        .testTarget(name: "TurtleTests", dependencies: ["Turtle", "RDFTestSupport"]),
        .testTarget(name: "RDFXMLTests", dependencies: ["RDFXML", "RDFIO", "RDFTestSupport"]),
        .testTarget(name: "RDFIOTests", dependencies: ["RDFIO", "RDFTestSupport"]),
        .testTarget(name: "SHACLTests", dependencies: ["SHACL", "RDFIO", "RDFTestSupport"]),
        .testTarget(name: "SamsvarCLITests", dependencies: ["RDFIO", "RDFTestSupport", "Store"]),
        .testTarget(name: "AlignmentTests", dependencies: ["Alignment", "Concepts", "RDF", "RDFIO", "RDFTestSupport"]),
        .testTarget(name: "MappingTests", dependencies: ["Mapping", "Alignment", "RDF", "RDFIO", "RDFTestSupport"]),
        .testTarget(name: "ConceptsTests", dependencies: ["Concepts", "Store", "RDF", "RDFTestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "RDFIO", "RDFTestSupport"]),
        .testTarget(
            name: "CatalogTests",
            dependencies: [
                "Catalog", "Store", "RDFIO", "RDFTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
