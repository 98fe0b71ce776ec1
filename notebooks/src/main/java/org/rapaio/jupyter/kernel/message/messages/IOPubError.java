package org.rapaio.jupyter.kernel.message.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jdk.jshell.EvalException;
import org.rapaio.jupyter.kernel.core.java.CompilerException;
import org.rapaio.jupyter.kernel.core.java.EvaluationInterruptedException;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.shaded.com.google.gson.annotations.SerializedName;
import rnnbook.kernel.LearnerErrors;

/**
 * The error shown under a cell; replaces rapaio-jupyter-kernel 3.0.1's record of the same name (same components
 * and members). Why: its errors pointed at the engine, not at the learner. Here {@link #of}
 * <ul>
 *   <li>names a runtime error by the class the learner's code threw ({@code IllegalArgumentException}), not JShell's
 *       wrapper ({@code EvalException}), and puts the learner's line right under the message, before the engine's
 *       frames; the frames of the kernel's own machinery (from the reflective call into the snippet on) are left
 *       out;</li>
 *   <li>ends a compile error about a missing name with a one-line hint to run the cells above (after a restart,
 *       the cells that define it have not run yet);</li>
 *   <li>says in words what Kernel &gt; Interrupt did, instead of the cell's source under "InterruptedException".</li>
 * </ul>
 */
public record IOPubError(
        @SerializedName("ename") String errName,
        @SerializedName("evalue") String errMsg,
        @SerializedName("traceback") List<String> stacktrace) implements ContentType<IOPubError> {

    public static IOPubError of(Exception exception, Function<Exception, List<String>> formatter) {
        if (exception instanceof EvaluationInterruptedException) {
            return new IOPubError("Interrupted", LearnerErrors.INTERRUPTED, List.of("Interrupted: " + LearnerErrors.INTERRUPTED));
        }
        String name = exception.getClass().getSimpleName();
        String msg = exception.getLocalizedMessage();
        List<String> traceback = new ArrayList<>(formatter.apply(exception));
        if (exception instanceof EvalException e) {
            String thrown = e.getExceptionClassName();
            name = thrown.substring(thrown.lastIndexOf('.') + 1);
            int machinery = firstMatching(traceback, "jdk.internal.reflect.");
            if (machinery > 0) {
                traceback.subList(machinery, traceback.size()).clear();
            }
            LearnerErrors.learnerLine(e).ifPresent(line -> traceback.add(Math.min(1, traceback.size()), "--> " + line));
        } else if (exception instanceof CompilerException e) {
            LearnerErrors.missingSymbolHint(e.badSnippet()).ifPresent(traceback::add);
        }
        return new IOPubError(name, msg == null ? "" : msg, traceback);
    }

    private static int firstMatching(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public MessageType<IOPubError> type() {
        return MessageType.IOPUB_ERROR;
    }
}
