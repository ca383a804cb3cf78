import java.lang.annotation.Annotation;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * One JMH benchmark method of coro-benchmarks timed in thread CPU time rather than wall time, for a
 * machine so oversubscribed that JMH's wall-clock figures mean nothing (time a thread spends
 * descheduled is not charged here). Calls the benchmark method as JMH's generated loop does (its
 * {@code @State} objects made and set up first), storing each result into an array so that it escapes,
 * as JMH's blackhole makes it (a {@code long} result is not boxed: it is compared with volatile fields, as
 * JMH's blackhole consumes a long). Prints {@code name median p25 p75}, in ns of CPU time per operation.
 *
 * <pre>
 *   java -cp coro-benchmarks/target/benchmarks.jar bin/CpuTimeBench.java WARMUP ROUNDS BATCH Class.method[@param=value]
 *   e.g. ... bin/CpuTimeBench.java 60 15 1000000 ManyTypesBench.coroOneSite@types=16
 * </pre>
 * WARMUP and ROUNDS batches of BATCH operations (in calls of {@link #CHUNK}); one benchmark per JVM (as JMH
 * forks), so that the loop's call site sees one benchmark.
 */
public class CpuTimeBench {
    /** What the loop calls: bench.method(states...). */
    public interface Op0 {
        Object run(Object bench);
    }

    public interface Op1 {
        Object run(Object bench, Object s1);
    }

    public interface Op2 {
        Object run(Object bench, Object s1, Object s2);
    }

    /** A benchmark of one state that returns a {@code long}. */
    public interface LongOp1 {
        long run(Object bench, Object s1);
    }

    /** As JMH's blackhole consumes a long: compared with two volatile fields it never equals both of. */
    static volatile long l1 = 1, l2 = 2;
    static volatile boolean never;

    public static void main(String[] a) throws Throwable {
        int warmup = Integer.parseInt(a[0]);
        int rounds = Integer.parseInt(a[1]);
        int batch = Integer.parseInt(a[2]);
        if (batch < CHUNK) throw new IllegalArgumentException("BATCH must be at least " + CHUNK + " (operations per loop call)");
        String spec = a[3];
        String param = null;
        String value = null;
        if (spec.contains("@")) {
            String[] p = spec.split("@", 2);
            spec = p[0];
            param = p[1].substring(0, p[1].indexOf('='));
            value = p[1].substring(p[1].indexOf('=') + 1);
        }
        Class<?> c = Class.forName("dev.coro.bench." + spec.substring(0, spec.lastIndexOf('.')));
        String name = spec.substring(spec.lastIndexOf('.') + 1);
        Method bm = null;
        for (Method m : c.getMethods()) if (m.getName().equals(name) && m.getParameterCount() <= 2) bm = m;
        if (bm == null) throw new IllegalArgumentException("no benchmark " + spec);
        int n = bm.getParameterCount();
        Object bench = make(c, param, value);
        Object[] states = new Object[n];
        for (int i = 0; i < n; i++) states[i] = make(bm.getParameterTypes()[i], param, value);
        MethodHandles.Lookup lk = MethodHandles.lookup();
        MethodHandle mh = lk.unreflect(bm);
        Class<?> ret = bm.getReturnType();
        boolean primitiveLong = n == 1 && ret == long.class;
        Class<?> iface = primitiveLong ? LongOp1.class : n == 0 ? Op0.class : n == 1 ? Op1.class : Op2.class;
        Class<?>[] objs = new Class<?>[n + 1];
        Arrays.fill(objs, Object.class);
        Class<?>[] exact = new Class<?>[n + 1];
        exact[0] = c;
        for (int i = 0; i < n; i++) exact[i + 1] = bm.getParameterTypes()[i];
        if (ret.isPrimitive() && !primitiveLong) ret = MethodType.methodType(ret).wrap().returnType();
        Object op = LambdaMetafactory.metafactory(lk, "run", MethodType.methodType(iface),
                MethodType.methodType(primitiveLong ? long.class : Object.class, objs), mh,
                MethodType.methodType(ret, exact)).getTarget().invoke();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Object[] sink = new Object[1024];
        double[] perOp = new double[rounds];
        for (int r = -warmup; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int chunk = 0; chunk < batch / CHUNK; chunk++) {
                if (primitiveLong) loopLong((LongOp1) op, bench, states[0]);
                else if (n == 0) loop0((Op0) op, bench, sink);
                else if (n == 1) loop1((Op1) op, bench, states[0], sink);
                else loop2((Op2) op, bench, states[0], states[1], sink);
            }
            long t = mx.getCurrentThreadCpuTime() - t0;
            if (r >= 0) perOp[r] = (double) t / (batch / CHUNK * CHUNK);
        }
        Arrays.sort(perOp);
        System.out.printf("%s%s %.3f %.3f %.3f%n", spec, param == null ? "" : "@" + value, perOp[rounds / 2],
                perOp[rounds / 4], perOp[rounds * 3 / 4]);
    }

    /**
     * Operations per call of a loop method below. The timed loops are methods of their own, called again and again,
     * as JMH's generated stub is: compiled on their own by C2, with the inlining budget of a small method. (A loop
     * inside main would be compiled on-stack-replaced, inside a large method, where C2 may stop inlining a deep call
     * chain early: coro's resume is a deeper chain than a hand-written iterator's.)
     */
    static final int CHUNK = 1000;

    static void loopLong(LongOp1 o, Object bench, Object s1) {
        for (int k = 0; k < CHUNK; k++) {
            long v = o.run(bench, s1);
            if (v == l1 & v == l2) never = true;
        }
    }

    static void loop0(Op0 o, Object bench, Object[] sink) {
        for (int k = 0; k < CHUNK; k++) sink[k & 1023] = o.run(bench);
    }

    static void loop1(Op1 o, Object bench, Object s1, Object[] sink) {
        for (int k = 0; k < CHUNK; k++) sink[k & 1023] = o.run(bench, s1);
    }

    static void loop2(Op2 o, Object bench, Object s1, Object s2, Object[] sink) {
        for (int k = 0; k < CHUNK; k++) sink[k & 1023] = o.run(bench, s1, s2);
    }

    /** A new instance of a benchmark or @State class, its parameter set if it has that field, its @Setup methods run. */
    private static Object make(Class<?> t, String param, String value) throws Exception {
        var ctor = t.getDeclaredConstructor();
        ctor.setAccessible(true);
        Object o = ctor.newInstance();
        if (param != null) {
            try {
                Field f = t.getDeclaredField(param);
                f.setAccessible(true);
                if (f.getType() == int.class) f.setInt(o, Integer.parseInt(value));
                else f.set(o, value);
            } catch (NoSuchFieldException notHere) {
                // another state's parameter
            }
        }
        for (Method m : t.getMethods()) {
            for (Annotation an : m.getAnnotations()) {
                if (an.annotationType().getSimpleName().equals("Setup")) m.invoke(o);
            }
        }
        return o;
    }
}
