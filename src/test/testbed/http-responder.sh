#!/usr/bin/env bash
# One HTTP/1.1 exchange on stdin/stdout, run by `ncat -l -k --sh-exec` for each connection in a
# testbed container. Reads the request and its body (Content-Length), answers with a short text
# naming the instance, or with N bytes for GET /bytes/N (at most 8 MiB), then closes.
# Usage: http-responder.sh INSTANCE-NAME
set -u
name=${1:-unknown}
max=$((8 * 1024 * 1024))

IFS=' ' read -r method path _ || exit 0
len=0
expect=
while IFS= read -r line; do
  line=${line%$'\r'}
  [ -z "$line" ] && break
  lower=${line,,}
  case $lower in
    content-length:*) len=${lower#content-length:}; len=${len//[^0-9]/} ;;
    expect:*100-continue*) expect=1 ;;
  esac
done
len=${len:-0}

reply() { # status body-length; body follows on stdin
  printf 'HTTP/1.1 %s\r\nContent-Type: text/plain\r\nContent-Length: %s\r\nConnection: close\r\n\r\n' "$1" "$2"
  cat
}

if [ -n "$expect" ]; then
  printf 'HTTP/1.1 100 Continue\r\n\r\n'
fi
received=0
if [ "$len" -gt 0 ] 2>/dev/null; then
  received=$(head -c "$len" | wc -c)
fi

case $path in
  /bytes/*)
    n=${path#/bytes/}
    if [[ $n =~ ^[0-9]{1,8}$ ]] && [ "$n" -le "$max" ]; then
      head -c "$n" /dev/zero | tr '\0' 'x' | reply "200 OK" "$n"
    else
      body="bad size: $n (0..$max)"$'\n'
      printf '%s' "$body" | reply "400 Bad Request" "${#body}"
    fi
    ;;
  *)
    body="$name $method $path received $received bytes"$'\n'
    printf '%s' "$body" | reply "200 OK" "${#body}"
    ;;
esac
