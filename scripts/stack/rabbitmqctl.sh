#!/usr/bin/env bash
# rabbitmqctl against the local stack's broker, e.g. scripts/stack/rabbitmqctl.sh list_queues name messages
source "$(dirname "$0")/env.sh"
rabbit_env
exec "$RABBIT_BIN/rabbitmqctl" "$@"
