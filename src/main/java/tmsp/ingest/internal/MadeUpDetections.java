package tmsp.ingest.internal;

/**
 * Detections PostgreSQL makes up, shaped as the detections table (same columns, same types), for
 * {@link JdbcDetections#streamMadeUp}: {@code ?} (the count) rows over six hours of 2000-01-01, of account -1,
 * on a network of 500 workstations. Each row's values come from a multiplicative hash of its number, so the mix
 * of threat types, severities, logons and attack phases is the same on every start. Every column that may be
 * null is null in some rows and not in others, as in an appliance's data: the JIT compiles both ways, and a real
 * run does not send it back to compile the way a warm-up never took.
 */
final class MadeUpDetections {

    /** A {@code from} clause with two parameters, both the count. */
    static final String FROM = """
            (select g as id, -1::bigint as account_id, 0::bigint as product_id,
                    timestamptz '2000-01-01 00:00:00+00' + make_interval(secs => g * 21600.0 / ?) as event_time,
                    (h % 4)::smallint as severity,
                    case when logon then 'Unsuccessful logon attempt' else threat || ' detected' end as event_name,
                    threat as threat_type,
                    case when h / 7 % 50 = 0 then 'WARMUP_TROJ.' || h / 11 % 20 end as threat_name,
                    case when logon then 'Unsuccessful logon attempt' else 'Warm-up rule ' || h / 13 % 30 end as rule_name,
                    'not blocked' as action,
                    '10.255.' || host / 250 || '.' || host % 250 + 1 as src_address,
                    case when h / 67 % 20 > 0 then 'warm-up-ws-' || host end as src_host,
                    case when h / 71 % 20 > 0 then (49152 + h / 17 % 10000)::integer end as src_port,
                    case when h / 19 % 2 = 0 then '10.255.9.' || 1 + h / 23 % 8
                         else '198.18.0.' || 1 + h / 23 % 250 end as dst_address,
                    case when h / 61 % 5 < 3 then 'warm-up-srv-' || h / 73 % 20 end as dst_host,
                    case when h / 79 % 20 > 0 then (array[80, 443, 445, 3389, 22])[(1 + h / 29 % 5)::integer]
                    end as dst_port,
                    case when h / 83 % 10 > 0 then '10.255.' || host / 250 || '.' || host % 250 + 1
                    end as interested_address,
                    case when h / 83 % 10 > 0 then '198.18.0.' || 1 + h / 23 % 250 end as peer_address,
                    case when h / 89 % 10 = 0 then 'setup' || h / 97 % 50 || '.exe' end as file_name,
                    case when h / 89 % 10 = 0 then md5(h::text) end as file_hash,
                    case when h / 101 % 5 = 0 then 'http://warm-up.example/' || h / 103 % 100 end as url,
                    case h / 31 % 10 when 0 then 'INBOUND' when 1 then null when 2 then null else 'OUTBOUND'
                    end as direction,
                    case when h / 37 % 3 = 0 then (array['Point of Entry', 'Command and Control Communication',
                        'Lateral Movement', 'Asset and Data Discovery', 'Data Exfiltration', 'Access Attempt'])
                        [(1 + h / 41 % 6)::integer]
                    end as attack_phase,
                    1::bigint as event_count,
                    case when logon then jsonb_build_object('duser', 'user' || h / 43 % 40, 'app', 'SMB')
                         when h / 107 % 3 = 0 then '{}'::jsonb
                         else jsonb_build_object('app', 'HTTP', 'proto', 'TCP', 'malType', 'TROJAN') end as extra
               from (select g, h, h / 47 % 500 as host, h / 53 % 5 = 0 as logon,
                            (array['File Pattern', 'Malicious Behavior', 'Suspicious Behavior', 'Exploit', 'Grayware',
                                   'Web Reputation', 'Disruptive Applications'])[(1 + h / 59 % 7)::integer] as threat
                       from (select g, g * 2654435761 % 4294967296 as h
                               from generate_series(1::bigint, ?) as g) as numbered) as hashed) as detections""";

    private MadeUpDetections() {
    }
}
