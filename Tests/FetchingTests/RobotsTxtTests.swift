import Fetching
import Testing

/// robots.txt read as RFC 9309 says, for Parkline's token.
struct RobotsTxtTests {
    @Test func theGroupNamingUsWinsOverTheWildcardAndTheLongestRuleDecides() {
        let robots = RobotsTxt("""
            # a county site
            User-agent: *
            Disallow: /

            User-agent: Parkline
            User-agent: otherbot
            Disallow: /admin/
            Allow: /admin/news/
            Disallow: /*.pdf$
            """, agent: "parkline")
        #expect(robots.allows("/news/2024/0510.html"))
        #expect(!robots.allows("/admin/login"))
        #expect(robots.allows("/admin/news/1.html"))
        #expect(!robots.allows("/files/plan.pdf"))
        #expect(robots.allows("/files/plan.pdf?download=1"))
    }

    @Test func theWildcardGroupAppliesWhenNoneNamesUsAndAnEmptyDisallowForbidsNothing() {
        let robots = RobotsTxt("User-agent: *\nDisallow: /private/\nCrawl-delay: 10\n\nUser-agent: somebot\nDisallow:\n", agent: "parkline")
        #expect(!robots.allows("/private/a.html"))
        #expect(robots.allows("/public/a.html"))
        #expect(RobotsTxt("User-agent: *\nDisallow:\n", agent: "parkline").allows("/anything"))
        #expect(RobotsTxt("", agent: "parkline").allows("/anything"))
    }

    @Test func aTieBetweenAllowAndDisallowAllows() {
        let robots = RobotsTxt("User-agent: *\nDisallow: /page\nAllow: /page\n", agent: "parkline")
        #expect(robots.allows("/page"))
    }
}

/// Which addresses a server that fetches for its clients refuses.
struct AddressGuardTests {
    @Test func loopbackPrivateLinkLocalAndMappedAddressesAreNotPublic() {
        for address in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                        "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "not an address"] {
            #expect(!AddressGuard.isPublic(address), "\(address)")
        }
        for address in ["8.8.8.8", "172.32.0.1", "223.5.5.5", "2001:4860:4860::8888", "::ffff:8.8.8.8"] {
            #expect(AddressGuard.isPublic(address), "\(address)")
        }
    }

    @Test func aNameResolvesToItsAddresses() async throws {
        #expect(try await AddressGuard.addresses(of: "localhost").allSatisfy { !AddressGuard.isPublic($0) })
        #expect(try await AddressGuard.addresses(of: "127.0.0.1") == ["127.0.0.1"])
    }
}
