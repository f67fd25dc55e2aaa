// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "assoclint",
    products: [
        .executable(name: "assoclint", targets: ["assoclint"]),
        .library(name: "AssocLintKit", targets: ["AssocLintKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libyaml, linked from the system (Debian: libyaml-dev, pkg-config: yaml-0.1).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Reads Rules/*.md at build time and turns them into Swift source, so the
        // binary carries the rule catalog with it.
        .executableTarget(name: "RuleCatalogGenerator"),
        .plugin(
            name: "EmbedRuleCatalog",
            capability: .buildTool(),
            dependencies: ["RuleCatalogGenerator"]
        ),
        // All logic: YAML → schema → Sequelize semantics → rules → findings → reporters.
        .target(
            name: "AssocLintKit",
            dependencies: ["CYAML"],
            plugins: ["EmbedRuleCatalog"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "assoclint",
            dependencies: [
                "AssocLintKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target (see Scripts/fuzz): feeds arbitrary bytes through the whole pipeline.
        .executableTarget(
            name: "assoclint-fuzz",
            dependencies: ["AssocLintKit"]
        ),
        .testTarget(
            name: "AssocLintKitTests",
            dependencies: ["AssocLintKit"],
            exclude: []
        ),
    ]
)
