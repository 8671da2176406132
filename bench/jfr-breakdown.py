#!/usr/bin/env python3
"""Splits a JFR recording of a replay by what the processor threads did (issue 16, BENCHMARKS.md).

usage: bench/jfr-breakdown.py recording.jfr [processor-name]   (default: programme)
CPU samples (jdk.ExecutionSample) and allocated bytes (jdk.ObjectAllocationSample) of the
processor's WorkPackage[...] and Coordinator[...] threads, each sample in the first category
whose pattern appears anywhere in its stack (rules in order). Needs the JDK's jfr tool."""
import json, subprocess, sys, collections
jfr = sys.argv[1]
name = sys.argv[2] if len(sys.argv) > 2 else "programme"
RULES = [
    ("logging", "ch/qos/logback"),
    ("explanation rendering (MessageFormat, ResourceBundle)", "MessageFormat"),
    ("coordinator: hasRemainingCapacity (Axon's ConcurrentLinkedQueue.size per poll)", "WorkPackage.hasRemainingCapacity"),
    ("handler timeout (AxonTimeLimitedTask: stack trace + scheduling per invocation)", "AxonTimeLimitedTask"),
    ("handler timeout (AxonTimeLimitedTask: stack trace + scheduling per invocation)", "AxonTaskJanitor"),
    ("upcaster (FulfilmentComputedUpcaster)", "FulfilmentComputedUpcaster"),
    ("verdict inputs/steps to JSON text (ProgrammeJson.json)", "ProgrammeJson.json"),
    ("named parameters: MapSqlParameterSource build + NamedParameterUtils", "MapSqlParameterSource.addValue"),
    ("named parameters: MapSqlParameterSource build + NamedParameterUtils", "NamedParameterUtils"),
    ("named parameters: MapSqlParameterSource build + NamedParameterUtils", "NamedParameterJdbcTemplate$1.setValues"),
    ("JDBC: PgJDBC send/receive (batch inserts, updates, token, positions)", "org/postgresql"),
    ("JDBC: PgJDBC send/receive (batch inserts, updates, token, positions)", "com/zaxxer"),
    ("JDBC: Spring JdbcTemplate/StatementCreatorUtils", "StatementCreatorUtils"),
    ("payload deserialisation (Jackson via Axon JacksonSerializer)", "JacksonSerializer.deserialize"),
    ("token store: JpaTokenStore (Hibernate) per batch", "JpaTokenStore"),
    ("Spring/Hibernate transaction commit", "AbstractPlatformTransactionManager"),
    ("event stream reading (JPA engine, Hibernate)", "org/hibernate"),
    ("event stream reading (JPA engine, Hibernate)", "JpaEventStorageEngine"),
    ("event stream reading (JPA engine, Hibernate)", "EmbeddedEventStore"),
    ("upcasting chain / entry wrapping", "EventUtils"),
    ("projection handler code (se.malspar.query.programme)", "se/malspar/query/programme"),
    ("projection handler code (se.malspar.query.programme)", "se.malspar.query.programme"),
    ("ProcessorFailures / MessageContext interceptors (own code)", "ProcessorFailures"),
    ("ProcessorFailures / MessageContext interceptors (own code)", "MessageContext"),
    ("Axon handler dispatch (canHandle, parameter resolvers, interceptors)", "org/axonframework/messaging/annotation"),
    ("Axon handler dispatch (canHandle, parameter resolvers, interceptors)", "MultiEventHandlerInvoker"),
    ("Axon unit of work / processor / token", "org/axonframework"),
    ("Axon unit of work / processor / token", "org.axonframework"),
    ("Spring transaction", "org/springframework/transaction"),
]
def cat(fr):
    for label, pat in RULES:
        if any(pat in f for f in fr): return label
    return "other: " + (fr[0] if fr else "?")
for kind in ("jdk.ExecutionSample", "jdk.ObjectAllocationSample"):
    key = "sampledThread" if kind == "jdk.ExecutionSample" else "eventThread"
    evs = json.loads(subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", kind, jfr],
                                    capture_output=True, text=True, check=True).stdout)["recording"]["events"]
    c = collections.Counter(); tot = 0; n = 0
    for e in evs:
        t = (e["values"].get(key) or {}).get("javaName") or ""
        if not t.startswith(("WorkPackage[" + name + "]", "Coordinator[" + name + "]")): continue
        st = e["values"].get("stackTrace")
        fr = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in st["frames"]] if st else []
        w = 1 if kind == "jdk.ExecutionSample" else e["values"]["weight"]
        c[("C " if t.startswith("Coord") else "W ") + cat(fr)] += w; tot += w; n += 1
    print(f"== {kind}: {n} samples of the processor's threads (W = work packages, C = coordinator)")
    for k, v in c.most_common(30): print(f"{100.0*v/tot:5.1f}%  {k}")
