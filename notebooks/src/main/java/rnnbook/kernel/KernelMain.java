package rnnbook.kernel;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The rnnbook kernel's entry point: rapaio-jupyter-kernel's {@code MainApp}, started quietly.
 *
 * <p>Building the kernel ({@code MainApp}'s static initialiser) prints two lines per JShell class path entry on
 * standard output ("Parsing classpath: ...", "Add ... to classpath"): 62 lines in the terminal of the Jupyter
 * server at every kernel start. They are dropped here; what the class path holds is in the kernelspec.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            Class.forName("org.rapaio.jupyter.kernel.MainApp", true, KernelMain.class.getClassLoader());
        } finally {
            System.setOut(out);
        }
        org.rapaio.jupyter.kernel.MainApp.main(args);
    }
}
