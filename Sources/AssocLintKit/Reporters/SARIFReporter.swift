/// SARIF 2.1.0: the tool's rules from the catalog, and results with physical and related
/// locations whose URIs are relative to the project root (`%SRCROOT%`).
public enum SARIFReporter {
    public static func render(_ result: LintResult, catalog: RuleCatalog = .shared) -> String {
        let json = JSONWriter()
        let documents = catalog.documents
        let ruleIndex = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        json.object {
            json.field("$schema") { json.string("https://json.schemastore.org/sarif-2.1.0.json") }
            json.field("version") { json.string("2.1.0") }
            json.field("runs") {
                json.array([result]) { result in
                    json.object {
                        json.field("tool") {
                            json.object {
                                json.field("driver") {
                                    json.object {
                                        json.field("name") { json.string("assoclint") }
                                        json.field("version") { json.string(AssocLintVersion.current) }
                                        json.field("semanticVersion") { json.string(AssocLintVersion.current) }
                                        json.field("rules") { json.array(documents) { rule($0, json) } }
                                    }
                                }
                            }
                        }
                        json.field("originalUriBaseIds") {
                            json.object {
                                json.field("%SRCROOT%") {
                                    json.object { json.field("uri") { json.string(fileURI(directory: result.projectRoot)) } }
                                }
                            }
                        }
                        json.field("results") {
                            json.array(result.findings) { finding in
                                json.object {
                                    json.field("ruleId") { json.string(finding.ruleID) }
                                    if let index = ruleIndex[finding.ruleID] { json.field("ruleIndex") { json.number(index) } }
                                    json.field("level") { json.string(finding.severity == .error ? "error" : "warning") }
                                    json.field("message") {
                                        json.object {
                                            let text = finding.help.map { "\(finding.message)\nhelp: \($0)" } ?? finding.message
                                            json.field("text") { json.string(text) }
                                        }
                                    }
                                    json.field("locations") {
                                        json.array([finding.location]) { location($0, result: result, json: json) }
                                    }
                                    if !finding.related.isEmpty {
                                        json.field("relatedLocations") {
                                            json.array(Array(finding.related.enumerated())) { index, related in
                                                location(related.location, result: result, json: json, id: index, message: related.message)
                                            }
                                        }
                                    }
                                    json.field("partialFingerprints") {
                                        json.object {
                                            json.field("assoclint/v1") {
                                                json.string(Fingerprint.of(finding, path: result.projectRelativePath(finding.location.path)))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        json.field("columnKind") { json.string("unicodeCodePoints") }
                    }
                }
            }
        }
        return json.output + "\n"
    }

    static func rule(_ document: RuleDocument, _ json: JSONWriter) {
        json.object {
            json.field("id") { json.string(document.id) }
            json.field("name") { json.string(document.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()) }
            json.field("shortDescription") { json.object { json.field("text") { json.string(document.summary) } } }
            let full = document.section("What it reports")?.body ?? document.section("Why it matters")?.body ?? document.summary
            json.field("fullDescription") { json.object { json.field("text") { json.string(full) } } }
            json.field("help") {
                json.object {
                    json.field("text") { json.string(document.section("How to fix")?.body ?? document.summary) }
                    json.field("markdown") { json.string(document.body) }
                }
            }
            json.field("defaultConfiguration") {
                json.object {
                    json.field("level") { json.string(document.severity == .error ? "error" : "warning") }
                    if !document.enabledByDefault { json.field("enabled") { json.bool(false) } }
                }
            }
        }
    }

    static func location(_ location: Location, result: LintResult, json: JSONWriter, id: Int? = nil, message: String? = nil) {
        json.object {
            if let id { json.field("id") { json.number(id) } }
            json.field("physicalLocation") {
                json.object {
                    json.field("artifactLocation") {
                        json.object {
                            json.field("uri") { json.string(percentEncoded(result.projectRelativePath(location.path))) }
                            json.field("uriBaseId") { json.string("%SRCROOT%") }
                        }
                    }
                    json.field("region") {
                        json.object {
                            json.field("startLine") { json.number(max(location.line, 1)) }
                            json.field("startColumn") { json.number(max(location.column, 1)) }
                        }
                    }
                }
            }
            if let message {
                json.field("message") { json.object { json.field("text") { json.string(message) } } }
            }
        }
    }

    static func fileURI(directory: String) -> String {
        let path = directory.hasSuffix("/") ? directory : directory + "/"
        return "file://" + percentEncoded(path)
    }

    /// Percent-encodes what may not appear in a URI path (RFC 3986), keeping `/`.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/!$&'()*+,;=:@".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
