#!/usr/bin/env python3
"""A PySpark job that lints recorded traffic on every core of a cluster (here: local mode).

Each partition of the records is piped through one `httplint --input records --format jsonl -`
process (RDD.pipe); its JSON Lines come back as rows, which are written as a JSON table and
counted per rule and per server (the first folder under the root of each record's name).

    spark-submit lint_job.py HTTPLINT records.jsonl OUTPUT_DIR [PARTITIONS]
"""
import json
import shlex
import sys

from pyspark.sql import SparkSession
from pyspark.sql.types import LongType, StringType, StructField, StructType

SCHEMA = StructType([StructField(name, kind(), True) for name, kind in [
    ("path", StringType), ("entry", StringType), ("exchange", LongType), ("status", LongType), ("rule", StringType),
    ("severity", StringType), ("message", StringType), ("line", LongType), ("column", LongType),
    ("request_line", LongType), ("request_column", LongType), ("server", StringType),
]])


def main(httplint, records_path, output, partitions):
    spark = (SparkSession.builder.master("local[*]").appName("httplint")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    records = spark.sparkContext.textFile(records_path).repartition(partitions)
    lines = records.pipe(shlex.join([httplint, "--input", "records", "--format", "jsonl", "--no-config", "-"]))
    # Finding lines carry a rule; error lines ({"path", "error"}) a record that could not be read.
    rows = lines.map(json.loads)
    findings = spark.createDataFrame(rows.filter(lambda row: "rule" in row).map(flatten), SCHEMA)
    findings.write.mode("overwrite").json(output)
    errors = rows.filter(lambda row: "error" in row).count()
    print(f"{findings.count()} findings, {errors} unreadable records, {partitions} partitions")
    for row in findings.groupBy("rule").count().orderBy("count", ascending=False).collect():
        print(f"  {row['rule']}: {row['count']}")
    for row in findings.groupBy("server").count().orderBy("server").collect():
        print(f"  server {row['server']}: {row['count']}")
    spark.stop()


def flatten(row):
    """A finding as a flat row (the request place as two columns)."""
    parts = row["path"].split("/")
    request = row.get("request") or {}
    return {
        "path": row["path"], "entry": row.get("entry"), "exchange": row["exchange"], "status": row.get("status"),
        "rule": row["rule"], "severity": row["severity"], "message": row["message"],
        "line": row["line"], "column": row["column"],
        "request_line": request.get("line"), "request_column": request.get("column"),
        "server": parts[-2] if len(parts) >= 2 else "",
    }


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 4)
