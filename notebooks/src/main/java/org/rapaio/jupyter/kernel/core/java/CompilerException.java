package org.rapaio.jupyter.kernel.core.java;

import jdk.jshell.SnippetEvent;
import rnnbook.kernel.LearnerErrors;

/**
 * A snippet the compiler rejected; replaces rapaio-jupyter-kernel 3.0.1's class of the same name (same public
 * members). Why: the original had no message, so Jupyter's {@code evalue} for a compile error was empty and any
 * client showing only {@code ename: evalue} (nbconvert's error summary, a test log) said nothing about the cause.
 * The message here is the compiler's, as the traceback already shows it.
 */
public class CompilerException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SnippetEvent badSnippetCompilation;

    public CompilerException(SnippetEvent badSnippet) {
        this.badSnippetCompilation = badSnippet;
    }

    public SnippetEvent badSnippet() {
        return badSnippetCompilation;
    }

    @Override
    public String getMessage() {
        return LearnerErrors.compileMessage(badSnippetCompilation);
    }
}
