#!/usr/bin/env python3
"""Detection quality of a correlation run against the simulator's plan (bench/correlate.sh).

  correlate-quality.py PLAN_JSON INCIDENTS_JSON HOST_ADDRESSES BENIGN

PLAN_JSON is the simulator's --plan-json, INCIDENTS_JSON a JSON array of the account's incidents as the API lists
them (hosts, addresses, threatNames, ruleId, title, attack), HOST_ADDRESSES lines "host-name address" for the planted
hosts (from the stored detections), BENIGN the number of benign (noise) detections.

A planted scenario is found when an incident of the matching kind names it: the kind is told by the rule's id, title
or, when no rule says so in words, ATT&CK techniques (no rule ids hard-coded), what it names by its hosts, addresses and threat names. An incident is
"from noise" when none of its hosts, addresses or threat names belong to a planted scenario. Prints one line per
scenario and per noise incident, then "QUALITY <planted> <found> <noise incidents> <benign>".
"""
import json
import re
import sys

# What each kind of planted attack looks like in a rule's id, title or ATT&CK techniques.
KINDS = {
    "OUTBREAK": (r"outbreak|spread|worm", {"T1210", "T1570", "T1080"}),
    "C2_CALLBACK": (r"\bc2\b|c&c|callback|command.and.control|beacon|download", {"T1071", "T1105", "T1571", "T1573"}),
    "BRUTE_FORCE": (r"brute|logon|login|password|guess", {"T1110"}),
    "LATERAL_MOVEMENT": (r"lateral|psexec|wmi|remote.(service|execution)", {"T1021", "T1570", "T1047", "T1569"}),
}


def listed(incident, field):
    return set(incident.get(field) or [])


def by_words(incident, scenario):
    text = " ".join(str(incident.get(f) or "") for f in ("ruleId", "title"))
    return re.search(KINDS[scenario][0], text, re.IGNORECASE) is not None


def by_attack(incident, scenario):
    return bool({t.split(".")[0] for t in listed(incident, "attack")} & KINDS[scenario][1])


def describe(incident):
    return "%s \"%s\" (hosts %s, addresses %s, threats %s)" % (
        incident.get("ruleId"), incident.get("title"), sorted(listed(incident, "hosts"))[:5],
        sorted(listed(incident, "addresses"))[:5], sorted(listed(incident, "threatNames"))[:3])


def main(plan_file, incidents_file, addresses_file, benign):
    with open(plan_file) as f:
        plan = json.load(f)
    with open(incidents_file) as f:
        incidents = json.load(f)
    addresses = {}
    with open(addresses_file) as f:
        for line in f:
            if line.strip():
                name, address = line.split()
                addresses.setdefault(name, set()).add(address)

    def names_host(incident, host):
        return host in listed(incident, "hosts") or bool(
            addresses.get(host, set()) & (listed(incident, "hosts") | listed(incident, "addresses")))

    def names(incident, planted):
        hosts = planted["hosts"]
        malware = planted.get("malware")
        remote = planted["remote"].split()[0] if planted.get("remote") else None
        threats = listed(incident, "threatNames")
        if planted["scenario"] == "OUTBREAK":
            return malware in threats
        if planted["scenario"] == "C2_CALLBACK":
            return names_host(incident, hosts[0]) and (malware in threats or remote in listed(incident, "addresses"))
        if planted["scenario"] == "BRUTE_FORCE":
            return remote in listed(incident, "addresses") and names_host(incident, hosts[0])
        return names_host(incident, hosts[0]) and any(names_host(incident, h) for h in hosts[1:])

    found = 0
    for planted in plan["planted"]:
        naming = [i for i in incidents if names(i, planted)]
        matching = ([i for i in naming if by_words(i, planted["scenario"])]
                    or [i for i in naming if by_attack(i, planted["scenario"])])
        if matching:
            found += 1
            others = sorted({i.get("ruleId") for i in naming} - {i.get("ruleId") for i in matching})
            print("  found   %-16s %s -> %s%s" % (
                planted["scenario"], planted["summary"][:90], describe(matching[0]),
                "; also named by " + ", ".join(map(str, others)) if others else ""))
        else:
            print("  MISSED  %-16s %s" % (planted["scenario"], planted["summary"][:90]))
            for other in naming[:3]:
                print("          named only by another kind of rule: %s" % describe(other))

    planted_hosts, planted_addresses, planted_threats = set(), set(), set()
    for planted in plan["planted"]:
        for host in planted["hosts"]:
            planted_hosts.add(host)
            planted_addresses |= addresses.get(host, set())
        if planted.get("remote"):
            planted_addresses.add(planted["remote"].split()[0])
        if planted.get("malware"):
            planted_threats.add(planted["malware"])
    noise = [i for i in incidents
             if not (listed(i, "hosts") & (planted_hosts | planted_addresses)
                     or listed(i, "addresses") & planted_addresses
                     or listed(i, "threatNames") & planted_threats)]
    rules = {}
    for incident in noise:
        rules[incident.get("ruleId")] = rules.get(incident.get("ruleId"), 0) + 1
    for rule, count in sorted(rules.items(), key=lambda r: -r[1]):
        example = next(i for i in noise if i.get("ruleId") == rule)
        print("  noise   %6d incident(s) of %s, e.g. %s" % (count, rule, describe(example)))
    print("QUALITY %d %d %d %d" % (len(plan["planted"]), found, len(noise), benign))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
