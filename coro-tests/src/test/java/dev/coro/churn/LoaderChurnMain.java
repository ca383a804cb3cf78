package dev.coro.churn;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a forked JVM (with or without the agent): defines {@link Churned} in {@code N} throwaway
 * class loaders, as an app server or a hot-reload tool does, runs a coroutine in each, drops them,
 * and reports how many the garbage collector could not reclaim:
 * {@code ran N sums=S failed F kept K} (F: runs whose coroutine threw, unwoven). Nothing here holds a loader after its round, so any loader kept is
 * kept by someone else (the agent).
 */
public final class LoaderChurnMain {
    private LoaderChurnMain() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        List<WeakReference<ClassLoader>> refs = new ArrayList<>();
        long sums = 0;
        int failed = 0;
        for (int i = 0; i < n; i++) {
            ClassLoader l = new OwnCopyLoader();
            refs.add(new WeakReference<>(l));
            try {
                sums += (int) l.loadClass(Churned.class.getName()).getMethod("sum", int.class).invoke(null, 3);
            } catch (java.lang.reflect.InvocationTargetException notWoven) {
                failed++;
            }
        }
        int kept = n;
        for (int round = 0; round < 100 && kept > 0; round++) {
            System.gc();
            Thread.sleep(20);
            kept = 0;
            for (WeakReference<ClassLoader> r : refs) if (r.get() != null) kept++;
        }
        System.out.println("ran " + n + " sums=" + sums + " failed " + failed + " kept " + kept);
    }

    /** Defines its own copy of {@link Churned} from the class file on the class path; the rest comes from the parent. */
    private static final class OwnCopyLoader extends ClassLoader {
        OwnCopyLoader() {
            super(LoaderChurnMain.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Churned.class.getName())) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c != null) return c;
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] b = in.readAllBytes();
                    return defineClass(name, b, 0, b.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }
}
