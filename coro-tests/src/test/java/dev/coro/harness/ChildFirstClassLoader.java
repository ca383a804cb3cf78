package dev.coro.harness;

import java.util.List;

/**
 * Loads the classes of some packages itself ({@link #findClass}), before asking the parent, so that
 * fixtures already on the test class path (compiled, unwoven) are loaded from another source.
 */
abstract class ChildFirstClassLoader extends ClassLoader {
    private final List<String> prefixes;

    ChildFirstClassLoader(ClassLoader parent, List<String> packagePrefixes) {
        super(parent);
        this.prefixes = List.copyOf(packagePrefixes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (prefixes.stream().noneMatch(name::startsWith)) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) c = findClass(name);
            if (resolve) resolveClass(c);
            return c;
        }
    }
}
