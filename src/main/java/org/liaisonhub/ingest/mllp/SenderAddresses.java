package org.liaisonhub.ingest.mllp;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The CIDR ranges MLLP senders may connect from (IPv4 and IPv6); no ranges allows everyone. */
final class SenderAddresses {

    private record Range(BigInteger network, BigInteger mask, int bytes) {
        boolean contains(InetAddress address) {
            byte[] raw = address.getAddress();
            return raw.length == bytes && new BigInteger(1, raw).and(mask).equals(network);
        }
    }

    private final List<Range> ranges;

    SenderAddresses(List<String> cidrs) {
        this.ranges = cidrs.stream().map(SenderAddresses::parse).toList();
    }

    boolean allowsEveryone() {
        return ranges.isEmpty();
    }

    boolean allows(InetAddress address) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(address));
    }

    private static Range parse(String cidr) {
        String[] parts = cidr.split("/", 2);
        try {
            // only literal addresses: a host name here would be a DNS lookup at start-up, and a spoofing surface
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(parts[0]);
            }
            byte[] raw = InetAddress.getByName(parts[0]).getAddress();
            int bits = raw.length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length " + prefix);
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new Range(new BigInteger(1, raw).and(mask), mask, raw.length);
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("hub.mllp.allowed-senders: '" + cidr
                    + "' is not an address or CIDR range such as 10.20.0.0/16 or 2001:db8::/32", e);
        }
    }
}
