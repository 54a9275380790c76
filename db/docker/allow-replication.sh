#!/bin/sh
# Run once by the postgres image when it initialises its volume: let the
# compose file's optional `replica` service stream from this server, with
# the same password authentication as every other connection.
set -e
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
