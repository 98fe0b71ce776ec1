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
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.org.zeromq.ZMQ;

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
    private MessageId<?> msgId;
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
    }

    /** The fix: kernel wiring and the full handler table first, then the channels (and their threads). */
    @SuppressWarnings("rawtypes")
    public void connect(RapaioKernel kernel) {
        if (isConnected) {
            return;
        }
        kernel.registerChannels(this);
        Map<MessageType<?>, MessageHandler> table = new HashMap<>();
        on(table, MessageType.SHELL_EXECUTE_REQUEST, kernel::handleExecuteRequest);
        on(table, MessageType.SHELL_INSPECT_REQUEST, kernel::handleInspectRequest);
        on(table, MessageType.SHELL_COMPLETE_REQUEST, kernel::handleCompleteRequest);
        on(table, MessageType.SHELL_HISTORY_REQUEST, kernel::handleHistoryRequest);
        on(table, MessageType.SHELL_IS_COMPLETE_REQUEST, kernel::handleIsCompleteRequest);
        on(table, MessageType.SHELL_KERNEL_INFO_REQUEST, kernel::handleKernelInfoRequest);
        on(table, MessageType.CONTROL_SHUTDOWN_REQUEST, kernel::handleShutdownRequest);
        on(table, MessageType.CONTROL_INTERRUPT_REQUEST, kernel::handleInterruptRequest);
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
        publish(new IOPubStream(IOPubStream.StreamName.OUT, s));
    }

    public void writeToStdErr(String s) {
        publish(new IOPubStream(IOPubStream.StreamName.ERR, s));
    }

    public String readFromStdIn() {
        return stdin.getInput(msgId, "", false);
    }

    public <T extends ContentType<T>> void publish(T content) {
        iopub.sendMessage(new Message<>(msgId, content.type(), content));
    }

    public <T extends ContentType<T>> void reply(T content) {
        shell.sendMessage(new Message<>(msgId, content.type(), content));
    }

    public void replyError(MessageType<?> type, ErrorReply error) {
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
