# Shared settings of the local stack (sourced by start.sh / stop.sh / rabbitmqctl.sh).
# Every value can be overridden from the environment so parallel stacks (tests, developers) do not collide.
STACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${C2C_STACK_DIR:=$STACK_ROOT/.stack}"
: "${C2C_AZURITE_BLOB_PORT:=10100}"
: "${C2C_AZURITE_QUEUE_PORT:=10101}"
: "${C2C_AZURITE_TABLE_PORT:=10102}"
: "${C2C_RABBIT_PORT:=5682}"          # AMQP 0-9-1 (non-default: 5672 is left alone)
: "${C2C_RABBIT_DIST_PORT:=25682}"    # Erlang distribution
: "${C2C_EPMD_PORT:=4379}"            # Erlang port mapper (non-default: 4369 is left alone)
: "${C2C_RABBIT_MGMT_PORT:=15682}"
: "${C2C_RABBIT_NODENAME:=c2c${C2C_RABBIT_PORT}@localhost}"
AZURITE_VERSION=3.37.0
TOOLS_DIR="${C2C_TOOLS_DIR:-$STACK_ROOT/.tools}"
RABBIT_BIN=/usr/lib/rabbitmq/bin

# Environment RabbitMQ's scripts need so that server and CLI find each other (same HOME = same cookie).
rabbit_env() {
  export HOME="$C2C_STACK_DIR/rabbit/home"
  export RABBITMQ_NODENAME="$C2C_RABBIT_NODENAME"
  export RABBITMQ_NODE_PORT="$C2C_RABBIT_PORT"
  export RABBITMQ_DIST_PORT="$C2C_RABBIT_DIST_PORT"
  export ERL_EPMD_PORT="$C2C_EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_CONFIG_FILE="$C2C_STACK_DIR/rabbit/rabbitmq"   # .conf is appended by RabbitMQ
  export RABBITMQ_MNESIA_BASE="$C2C_STACK_DIR/rabbit/mnesia"
  export RABBITMQ_LOG_BASE="$C2C_STACK_DIR/rabbit/log"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$C2C_STACK_DIR/rabbit/enabled_plugins"
  export RABBITMQ_PID_FILE="$C2C_STACK_DIR/rabbit/rabbit.pid"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for SECONDS COMMAND...: bounded poll, 0.2 s step.
wait_for() {
  local limit=$(( $1 * 5 )); shift
  for _ in $(seq 1 "$limit"); do "$@" && return 0; sleep 0.2; done
  return 1
}
