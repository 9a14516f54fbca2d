package dev.silkscreen.live.ssh;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Reaches a cell through the jump host: a {@code direct-tcpip} channel on the gateway's session
 * carries the cell's SSH connection (what {@code ssh -J} does). No local port is opened, so nothing
 * else on this machine can use the tunnel.
 */
final class JumpProxy implements Proxy {
    private final Session gateway;
    private final int channelTimeoutMillis;
    private final long readTimeoutMillis;
    private ChannelDirectTCPIP channel;
    private InputStream in;
    private OutputStream out;

    JumpProxy(Session gateway, int channelTimeoutMillis, long readTimeoutMillis) {
        this.gateway = gateway;
        this.channelTimeoutMillis = channelTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public void connect(SocketFactory socketFactory, String host, int port, int timeout) throws Exception {
        if (!gateway.isConnected()) {
            throw new JSchException("the jump host's session is down");
        }
        ChannelDirectTCPIP ch = (ChannelDirectTCPIP) gateway.openChannel("direct-tcpip");
        ch.setHost(host);
        ch.setPort(port);
        InputStream raw = ch.getInputStream();
        out = ch.getOutputStream();
        ch.connect(channelTimeoutMillis);
        if (!ch.isConnected()) {
            throw new JSchException("the jump host could not open a tunnel to " + host + ":" + port);
        }
        channel = ch;
        in = new TimedInputStream(raw, () -> ch.isClosed() || ch.isEOF(), readTimeoutMillis);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }
}
