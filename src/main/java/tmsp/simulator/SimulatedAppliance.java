package tmsp.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One appliance of the simulated fleet and, for a discovery appliance, the network it watches:
 * workstations and servers on a /24 of its own, so that planted hosts never collide between appliances.
 */
record SimulatedAppliance(int index, String account, Type type, String hostname, String guid,
                                 List<Host> workstations, List<Host> servers) {

    public enum Type { DISCOVERY, MITIGATOR }

    static final int WORKSTATIONS = 60;
    static final int SERVERS = 6;

    public SimulatedAppliance {
        workstations = List.copyOf(workstations);
        servers = List.copyOf(servers);
    }

    /** The appliance's own management address, the {@code dvc} of its logs. */
    public String address() {
        return subnet(index) + "250";
    }

    public boolean discovery() {
        return type == Type.DISCOVERY;
    }

    /**
     * The appliance number {@code index} of an account. The GUID depends on the seed, the account and the index
     * only, so a rerun with the same seed re-registers the same appliances (as a restarted appliance would).
     */
    static SimulatedAppliance of(long seed, int index, String account, Type type) {
        String site = site(account) + (index + 1);
        Random random = new Random(seed * 31 + (account + "/" + index + "/" + type).hashCode());
        String guid = String.format(Locale.ROOT, "%08X-%04X-4%03X-%04X-%012X", random.nextInt(),
                random.nextInt(0x10000), random.nextInt(0x1000), 0x8000 | random.nextInt(0x4000),
                random.nextLong() & 0xFFFFFFFFFFFFL);
        String prefix = type == Type.DISCOVERY ? "ddi-" : "tmm-";
        List<Host> workstations = new ArrayList<>();
        List<Host> servers = new ArrayList<>();
        if (type == Type.DISCOVERY) {
            for (int i = 1; i <= WORKSTATIONS; i++) {
                workstations.add(host(index, String.format(Locale.ROOT, "%s-ws-%03d", site, i), i + 10));
            }
            for (int i = 1; i <= SERVERS; i++) {
                servers.add(host(index, String.format(Locale.ROOT, "%s-srv-%02d", site, i), i + 200));
            }
        }
        return new SimulatedAppliance(index, account, type, prefix + site + ".corp.example", guid, workstations, servers);
    }

    /** "acme-appliances" becomes "acme": host names read like the customer's own. */
    static String site(String account) {
        String name = account.toLowerCase(Locale.ROOT).replaceAll("-(appliances|reg|registration)$", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        name = name.length() > 20 ? name.substring(0, 20) : name;
        return name.isEmpty() ? "site" : name;
    }

    private static Host host(int index, String name, int last) {
        return new Host(name, subnet(index) + last,
                String.format(Locale.ROOT, "00:0C:29:%02X:%02X:%02X", (index >> 8) & 0xFF, index & 0xFF, last));
    }

    private static String subnet(int index) {
        return "10." + (16 + index / 250) + "." + (index % 250) + ".";
    }
}
