package org.rapaio.jupyter.kernel.channels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * The control channel (interrupt and shutdown requests); replaces rapaio-jupyter-kernel 3.0.1's class of the same
 * name, which sits before it on the kernel's class path.
 *
 * <p>Why this class exists: the original loop handled a control message exactly as the shell loop does, through the
 * state the two share in {@link Channels}: it set the "current message" to the interrupt request and, once done, ran
 * and emptied the after-actions stack. An interrupt arrives while a cell runs, so it overwrote the cell's message
 * (the cell's error and reply then went out without their parent, and the cell stayed {@code In [*]} forever) and
 * ran the cell's own after-actions early (its "idle", the release of its output streams). Here the loop only hands
 * the message to its handler; {@link Channels}' control handlers answer on this channel, with the request as parent,
 * and touch no shell state.
 */
public final class ControlChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ControlChannel.class.getSimpleName());
    private static final long LOOP_SLEEP = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private volatile LoopThread loopThread;

    public ControlChannel(Channels channels, ZMQ.Context context, HMACDigest hmacGenerator) {
        super(channels, "ControlChannel", context, SocketType.ROUTER, hmacGenerator);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String addr = connProps.formatAddress(connProps.controlPort());
        LOGGER.info(logPrefix + "Binding to " + addr);
        socket.bind(addr);

        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread("Control-" + ID.getAndIncrement(), LOOP_SLEEP, () -> {
            if (poller.poll(0) <= 0) {
                return;
            }
            Message<?> message = readMessage();
            var type = message.header().type();
            MessageHandler handler = channels.getHandler(type);
            if (handler == null) {
                LOGGER.severe(logPrefix + "Unhandled message: " + type.name());
                return;
            }
            LOGGER.info(logPrefix + "Handling message: " + type.name());
            try {
                handler.handle(message);
            } catch (Exception e) {
                LOGGER.severe(logPrefix + "Exception handling " + type.name() + ". "
                        + e.getClass().getSimpleName() + ": " + e.getLocalizedMessage());
            }
            if (channels.isMarkedForShutdown()) {
                channels.close();
            }
        });
        loopThread.start();
    }

    @Override
    public void close() {
        if (loopThread != null) {
            loopThread.shutdown();
        }
        super.close();
    }

    @Override
    public void joinUntilClose() {
        if (loopThread != null) {
            try {
                loopThread.join();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
