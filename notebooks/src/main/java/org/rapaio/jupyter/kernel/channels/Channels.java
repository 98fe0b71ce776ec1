package org.rapaio.jupyter.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptRequest;
import org.rapaio.jupyter.kernel.message.messages.ControlShutdownReply;
import org.rapaio.jupyter.kernel.message.messages.ControlShutdownRequest;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.org.zeromq.ZMQ;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import rnnbook.kernel.LearnerErrors;
import rnnbook.kernel.StreamBatcher;

/**
 * A corrected copy of rapaio-jupyter-kernel 3.0.1's {@code Channels}: the five ZeroMQ channels of one kernel and the
 * table that routes each incoming message type to the kernel method that handles it.
 *
 * <p>Why this class exists: the original {@code connect} first binds the channels, which starts the shell and
 * control loop threads, and only afterwards builds the handler table (assigning the field, then filling it).
 * A {@code kernel_info_request} that arrives in between finds no table ({@code NullPointerException} in thread
 * "Shell-0", which ends the shell loop) or a half-filled one ("Unhandled message", the request is dropped); either
 * way the kernel never answers and Jupyter reports "Kernel didn't respond". It shows on a loaded machine: seen here
 * on the first notebook run of a test suite while other builds ran. Here the table is complete, and the kernel
 * knows its channels, before any channel is bound: the loop threads are started after those writes, so they see
 * them ({@code Thread.start()} happens-before the started thread's actions).
 *
 * <p>Three more changes, each for a fault a learner met (notebooks/README.md):
 * <ul>
 *   <li>interrupt and shutdown requests are answered by {@link #interrupt} and {@link #shutdown} here, on the control
 *       channel with the request as parent, without touching the shell's current message or after-actions (see
 *       {@link ControlChannel}; the original's sharing left an interrupted cell {@code In [*]} forever);</li>
 *   <li>printed text goes through a {@link StreamBatcher}, so a cell's lines come back as one stream output, and
 *       the batch is sent before anything else is published for the cell, which keeps the order;</li>
 *   <li>the code of the running cell is handed to {@link LearnerErrors}, so an error can name the learner's line.</li>
 * </ul>
 *
 * <p>Everything else keeps the behaviour of the original, read from its bytecode with {@code javap -c}. It sits in
 * {@code target/kernel/patch}, before the kernel jar on the kernel's class path, beside the corrected
 * {@link LoopThread}. When the kernel version changes, compare the new jar's {@code Channels} with this file.
 */
public final class Channels {
    private final ConnectionProperties connProps;
    private final ZMQ.Context ctx;
    private final HeartbeatChannel heartbeat;
    private final ShellChannel shell;
    private final ControlChannel control;
    private final StdinChannel stdin;
    private final IOPubChannel iopub;
    private final Set<AbstractChannel> channels;
    private final Stack<Runnable> afterActions = new Stack<>();
    @SuppressWarnings("rawtypes")
    private volatile Map<MessageType<?>, MessageHandler> handlers;
    private final StreamBatcher<MessageId<?>> streams;
    private RapaioKernel kernel;
    /** The shell message being handled: written by the shell thread, read by engine threads that print. */
    private volatile MessageId<?> msgId;
    private boolean isConnected = false;
    private boolean requestShutdown = false;

    public Channels(ConnectionProperties connProps) throws NoSuchAlgorithmException, InvalidKeyException {
        this.connProps = connProps;
        this.ctx = ZMQ.context(1);
        HMACDigest hmac = connProps.createHMACDigest();
        this.heartbeat = new HeartbeatChannel(this, ctx, hmac);
        this.shell = new ShellChannel(this, ctx, hmac, this);
        this.control = new ControlChannel(this, ctx, hmac);
        this.stdin = new StdinChannel(this, ctx, hmac);
        this.iopub = new IOPubChannel(this, ctx, hmac);
        this.channels = Set.of(heartbeat, shell, control, stdin, iopub);
        this.streams = new StreamBatcher<>((parent, err, text) -> iopub.sendMessage(new Message<>(parent,
                MessageType.IOPUB_STREAM, new IOPubStream(err ? IOPubStream.StreamName.ERR : IOPubStream.StreamName.OUT, text))));
    }

    /** The fix: kernel wiring and the full handler table first, then the channels (and their threads). */
    @SuppressWarnings("rawtypes")
    public void connect(RapaioKernel kernel) {
        if (isConnected) {
            return;
        }
        this.kernel = kernel;
        kernel.registerChannels(this);
        Map<MessageType<?>, MessageHandler> table = new HashMap<>();
        on(table, MessageType.SHELL_EXECUTE_REQUEST, m -> {
            LearnerErrors.cellStarts(m.content().code());
            RapaioExecutionControl.cellStarts();   // an interrupt from now on stops this cell's remaining statements
            try {
                kernel.handleExecuteRequest(m);
            } finally {
                RapaioExecutionControl.cellEnds();
            }
        });
        on(table, MessageType.SHELL_INSPECT_REQUEST, kernel::handleInspectRequest);
        on(table, MessageType.SHELL_COMPLETE_REQUEST, kernel::handleCompleteRequest);
        on(table, MessageType.SHELL_HISTORY_REQUEST, kernel::handleHistoryRequest);
        on(table, MessageType.SHELL_IS_COMPLETE_REQUEST, kernel::handleIsCompleteRequest);
        on(table, MessageType.SHELL_KERNEL_INFO_REQUEST, kernel::handleKernelInfoRequest);
        on(table, MessageType.CONTROL_SHUTDOWN_REQUEST, this::shutdown);
        on(table, MessageType.CONTROL_INTERRUPT_REQUEST, this::interrupt);
        on(table, MessageType.CUSTOM_COMM_OPEN, kernel::handleCommOpenCommand);
        on(table, MessageType.CUSTOM_COMM_MSG, kernel::handleCommMsgCommand);
        on(table, MessageType.CUSTOM_COMM_CLOSE, kernel::handleCommCloseCommand);
        on(table, MessageType.SHELL_COMM_INFO_REQUEST, kernel::handleCommInfoRequest);
        handlers = table;
        channels.forEach(c -> c.bind(connProps));
        iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
        isConnected = true;
    }

    @SuppressWarnings("rawtypes")
    private static <T> void on(Map<MessageType<?>, MessageHandler> table, MessageType<T> type, MessageHandler<T> h) {
        table.put(type, h);
    }

    /**
     * Kernel &gt; Interrupt: stops the running cell and answers once it has stopped. The cell's own handler then
     * reports the interruption as the cell's error and replies to it; nothing here touches the shell's state.
     */
    private void interrupt(Message<ControlInterruptRequest> request) {
        MessageId<ControlInterruptRequest> id = request.getId();
        iopub.sendMessage(new Message<>(id, MessageType.IOPUB_STATUS, IOPubStatus.BUSY));
        kernel.interrupt();
        control.sendMessage(new Message<>(id, MessageType.CONTROL_INTERRUPT_REPLY, new ControlInterruptReply()));
        iopub.sendMessage(new Message<>(id, MessageType.IOPUB_STATUS, IOPubStatus.IDLE));
    }

    /** Shutdown (and restart, which Jupyter does by starting a new kernel): close JShell, answer, then stop. */
    private void shutdown(Message<ControlShutdownRequest> request) {
        MessageId<ControlShutdownRequest> id = request.getId();
        iopub.sendMessage(new Message<>(id, MessageType.IOPUB_STATUS, IOPubStatus.BUSY));
        kernel.onShutdown();
        ControlShutdownReply reply = request.content().restart()
                ? ControlShutdownReply.SHUTDOWN_AND_RESTART : ControlShutdownReply.SHUTDOWN;
        control.sendMessage(new Message<>(id, MessageType.CONTROL_SHUTDOWN_REPLY, reply));
        iopub.sendMessage(new Message<>(id, MessageType.IOPUB_STATUS, IOPubStatus.IDLE));
        markForShutdown();
    }

    @SuppressWarnings("unchecked")
    public <T> MessageHandler<T> getHandler(MessageType<T> type) {
        return (MessageHandler<T>) handlers.get(type);
    }

    public void close() {
        channels.forEach(AbstractChannel::close);
        ctx.close();
    }

    public void joinUntilClose() {
        channels.forEach(AbstractChannel::joinUntilClose);
    }

    public boolean hasMsgId() {
        return msgId != null;
    }

    public void setMsgId(MessageId<?> msgId) {
        this.msgId = msgId;
    }

    public void freeMsgId() {
        msgId = null;
    }

    public void markForShutdown() {
        requestShutdown = true;
    }

    public boolean isMarkedForShutdown() {
        return requestShutdown;
    }

    public void writeToStdOut(String s) {
        streams.write(msgId, false, s);
    }

    public void writeToStdErr(String s) {
        streams.write(msgId, true, s);
    }

    public String readFromStdIn() {
        return stdin.getInput(msgId, "", false);
    }

    /** Publishes on IOPub for the current message; printed text that waits goes out first, to keep the order. */
    public <T extends ContentType<T>> void publish(T content) {
        if (content instanceof IOPubStream stream) {
            streams.write(msgId, stream.name() == IOPubStream.StreamName.ERR, stream.text());
            return;
        }
        streams.flush();
        iopub.sendMessage(new Message<>(msgId, content.type(), content));
    }

    public <T extends ContentType<T>> void reply(T content) {
        streams.flush();
        shell.sendMessage(new Message<>(msgId, content.type(), content));
    }

    public void replyError(MessageType<?> type, ErrorReply error) {
        streams.flush();
        shell.sendMessage(new Message<>(msgId, erased(type), error));
    }

    @SuppressWarnings("unchecked")
    private static MessageType<Object> erased(MessageType<?> type) {
        return (MessageType<Object>) type;
    }

    public void scheduleAfter(Runnable action) {
        afterActions.push(action);
    }

    public void runAfterActions() {
        while (!afterActions.isEmpty()) {
            afterActions.pop().run();
        }
    }

    public void busyThenIdle() {
        publish(IOPubStatus.BUSY);
        scheduleAfter(() -> publish(IOPubStatus.IDLE));
    }
}
