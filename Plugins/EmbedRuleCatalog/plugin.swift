import Foundation
import PackagePlugin

/// Embeds the rule catalog (`Rules/*.md` at the package root) into the library at build time.
@main
struct EmbedRuleCatalog: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appendingPathComponent("Rules")
        let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".md") }
            .sorted()
            .map { rulesDirectory.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRuleDocuments.swift")
        return [
            .buildCommand(
                displayName: "Embedding the rule catalog from Rules/",
                executable: try context.tool(named: "RuleCatalogGenerator").url,
                arguments: [rulesDirectory.path, output.path],
                inputFiles: inputs + [rulesDirectory],
                outputFiles: [output]
            )
        ]
    }
}
