import Foundation
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a server that fetches what its clients name from reaching into its
/// own network: a host that is, or resolves to, a loopback, private,
/// link-local, shared or multicast address is refused.
///
/// The check resolves the name before the request; a name that resolves
/// differently a moment later (DNS rebinding) is not caught here, which is
/// why a daemon on a network with sensitive services should also run
/// behind an egress firewall.
public enum AddressGuard {
    /// Whether `address` (a numeric IPv4 or IPv6 address) is one the public internet routes.
    public static func isPublic(_ address: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return isPublicIPv4(UInt32(bigEndian: v4.s_addr))
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            return isPublicIPv6(bytes)
        }
        return false
    }

    static func isPublicIPv4(_ address: UInt32) -> Bool {
        let blocked: [(network: UInt32, bits: UInt32)] = [
            (0x0000_0000, 8),  // "this" network
            (0x0A00_0000, 8),  // 10/8 private
            (0x6440_0000, 10),  // 100.64/10 shared (carrier NAT)
            (0x7F00_0000, 8),  // loopback
            (0xA9FE_0000, 16),  // 169.254/16 link-local (cloud metadata lives here)
            (0xAC10_0000, 12),  // 172.16/12 private
            (0xC000_0000, 24),  // 192.0.0/24 protocol assignments
            (0xC0A8_0000, 16),  // 192.168/16 private
            (0xC612_0000, 15),  // 198.18/15 benchmarking
            (0xE000_0000, 4),  // multicast
            (0xF000_0000, 4),  // reserved and broadcast
        ]
        return !blocked.contains { block in
            let mask: UInt32 = block.bits == 0 ? 0 : ~UInt32(0) << (32 - block.bits)
            return address & mask == block.network
        }
    }

    static func isPublicIPv6(_ bytes: [UInt8]) -> Bool {
        if bytes.allSatisfy({ $0 == 0 }) { return false }  // ::
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return false }  // ::1
        // An IPv4 address mapped into IPv6 (::ffff:a.b.c.d) is judged as IPv4.
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return isPublicIPv4(bytes[12..<16].reduce(0) { $0 << 8 | UInt32($1) })
        }
        if bytes[0] & 0xFE == 0xFC { return false }  // fc00::/7 unique local
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return false }  // fe80::/10 link-local
        if bytes[0] == 0xFF { return false }  // multicast
        return true
    }

    /// The addresses `host` resolves to (itself when it is numeric).
    public static func addresses(of host: String) async throws -> [String] {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        // getaddrinfo blocks: on NIO's pool of threads for blocking work, off the cooperative pool.
        return try await NIOThreadPool.singleton.runIfActive {
            var hints = addrinfo()
            #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            #else
            hints.ai_socktype = SOCK_STREAM
            #endif
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(name, nil, &hints, &list)
            guard status == 0, let first = list else { throw AddressError(host: host) }
            defer { freeaddrinfo(first) }
            var result: [String] = []
            var cursor: UnsafeMutablePointer<addrinfo>? = first
            while let entry = cursor {
                var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0,
                               NI_NUMERICHOST) == 0 {
                    result.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                }
                cursor = entry.pointee.ai_next
            }
            return result
        }
    }

    /// The host did not resolve.
    struct AddressError: Error {
        let host: String
    }
}
