import Foundation

/// What a finished child process said.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var all: String { stdout + stderr }
}

/// The folder that holds the built products (`migrate`), next to the running test bundle.
public let productsFolder: String = {
    #if os(Linux)
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    #else
    let executable = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    #endif
    var url = executable
    while url.path != "/", !FileManager.default.fileExists(atPath: url.deletingLastPathComponent().appendingPathComponent("migrate").path) {
        url.deleteLastPathComponent()
    }
    return url.deletingLastPathComponent().path
}()

public var migrateExecutable: String { productsFolder + "/migrate" }

/// Runs a program to completion with the given arguments, working folder, extra environment and
/// standard input (none: an empty, closed input, as under CI).
public func run(
    _ executable: String, _ arguments: [String], in directory: String? = nil,
    environment: [String: String] = [:], removingEnvironment: [String] = [], input: String = ""
) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var env = ProcessInfo.processInfo.environment
    for key in removingEnvironment { env[key] = nil }
    env.merge(environment) { $1 }
    process.environment = env
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = stderr.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = stdout.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessOutput(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self)
    )
}

/// Runs the built `migrate` command.
public func migrate(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], input: String = "") throws -> ProcessOutput {
    try run(migrateExecutable, arguments, in: directory, environment: environment, removingEnvironment: ["DATABASE_URL"], input: input)
}
