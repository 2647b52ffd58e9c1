import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket on 127.0.0.1 that listens and never reads or answers: a server that hangs.
public final class SilentListener {
    public let port: Int
    private let descriptor: Int32

    public init() throws {
        (descriptor, port) = try bindLoopback(listen: true)
    }

    public func close() {
        _ = Glibc.close(descriptor)
    }
}

/// A loopback port that nothing listens on (bound, read, released).
public func unusedPort() throws -> Int {
    let (descriptor, port) = try bindLoopback(listen: false)
    _ = Glibc.close(descriptor)
    return port
}

private func bindLoopback(listen shouldListen: Bool) throws -> (Int32, Int) {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw TestSetupError("socket() failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw TestSetupError("bind() failed") }
    if shouldListen { guard listen(descriptor, 16) == 0 else { throw TestSetupError("listen() failed") } }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
}
