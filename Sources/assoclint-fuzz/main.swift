// The fuzz target. Scripts/fuzz builds it with `-sanitize=fuzzer,address -D FUZZING`: then it runs
// libFuzzer's driver on FuzzHarness.run. Built normally, it replays inputs instead:
// `assoclint-fuzz FILE...` runs each file through the harness (a crash reproduces as a crash).
import AssocLintKit
import Foundation

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv as UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzHarness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
})
#else
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("assoclint-fuzz: cannot read \(path)\n".utf8))
        exit(2)
    }
    FuzzHarness.run([UInt8](data))
    print("ok \(path)")
}
#endif
