package dev.coro.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap method of the {@code invokedynamic} that a woven {@code @Coroutine} method
 * becomes. On first call it defines the method's frame class (whose bytes the weaver put into the
 * class's constant pool) in the caller's package and class loader, and links the call site straight
 * to the frame's constructor: after linking, calling a coroutine method costs one allocation.
 *
 * <p>Defining the frame class here, instead of writing it next to the woven class, keeps a woven
 * class self-contained: the agent never has to inject classes into a loader, and a woven class file
 * can be copied, jarred or shaded alone.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /**
     * {@code MethodHandles.Lookup.defineClass(byte[])} (Java 9+; looked up reflectively since this
     * module targets Java 8) and {@link CoroFrame#prime()}, found on first use rather than in a static
     * initialiser: a first coroutine call near the end of the thread stack may overflow while looking
     * them up, and a failed static initialiser would leave this class unusable for the life of the
     * JVM (every later coroutine call a {@code NoClassDefFoundError}). Here an overflow is an
     * ordinary exception for that call, and the next call looks again. (A race only looks up twice.)
     */
    private static MethodHandle defineClass;
    private static MethodHandle prime;

    private static MethodHandle defineClass() {
        MethodHandle h = defineClass;
        if (h == null) {
            try {
                h = MethodHandles.publicLookup().findVirtual(MethodHandles.Lookup.class, "defineClass",
                        MethodType.methodType(Class.class, byte[].class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("coro needs Java 17 or later to run woven code: " + e, e);
            }
            defineClass = h;
        }
        return h;
    }

    private static MethodHandle prime() throws ReflectiveOperationException {
        MethodHandle h = prime;
        if (h == null) {
            h = MethodHandles.lookup().findVirtual(CoroFrame.class, "prime", MethodType.methodType(CoroFrame.class));
            prime = h;
        }
        return h;
    }

    /**
     * The version of the contract between woven code and this runtime (the shape of the frame classes
     * and bodies, the members of {@link CoroFrame} they use). The weaver writes it into every woven
     * class, as the first argument of each call site and in its {@link Woven} marker.
     */
    public static final int CONTRACT = 2;

    /**
     * Links a coroutine factory call site. The descriptor never changes between versions of coro;
     * what the woven class expects is in {@code args}, checked first.
     *
     * @param caller the woven class's lookup
     * @param name the woven method's name (informational)
     * @param type {@code (captured this?, parameters...) -> Coro}
     * @param args the contract version ({@link #CONTRACT}); the binary name of the frame class, in the
     *     caller's package; the frame class file, one char per byte (ISO-8859-1); flags (bit 0: primed)
     */
    public static CallSite coroutine(MethodHandles.Lookup caller, String name, MethodType type, Object... args)
            throws Throwable {
        Object contract = args.length == 4 ? args[0] : null;
        if (!Integer.valueOf(CONTRACT).equals(contract)) {
            throw new IncompatibleClassChangeError(caller.lookupClass().getName() + "." + name + " was woven by a coro"
                    + " weaver of contract " + (contract instanceof Integer ? contract : "unknown") + ", but this coro"
                    + " runtime (coro-api) implements contract " + CONTRACT + ": weave it again with the coro version"
                    + " whose coro-api is on the class path");
        }
        String frameClass = (String) args[1];
        Class<?> frame = defineOnce(caller, frameClass, (String) args[2]);
        MethodHandle ctor = caller.findConstructor(frame, type.changeReturnType(void.class));
        if (((Integer) args[3] & 1) != 0) {
            ctor = MethodHandles.filterReturnValue(ctor.asType(ctor.type().changeReturnType(CoroFrame.class)), prime());
        }
        return new ConstantCallSite(ctor.asType(type));
    }

    private static Class<?> defineOnce(MethodHandles.Lookup caller, String frameClass, String frameBytes)
            throws Throwable {
        ClassLoader loader = caller.lookupClass().getClassLoader();
        Object lock = loader == null ? Bootstrap.class : loader;
        synchronized (lock) { // two threads may link the same call site at once; define the class once
            try {
                return checkFrame(Class.forName(frameClass, false, loader), caller, loader);
            } catch (ClassNotFoundException notYet) {
                byte[] bytes = new byte[frameBytes.length()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) frameBytes.charAt(i);
                }
                return (Class<?>) defineClass().invoke(caller, bytes);
            }
        }
    }

    /** A class already defined under the frame class's name must be that frame class, not a user's class of the same name. */
    private static Class<?> checkFrame(Class<?> found, MethodHandles.Lookup caller, ClassLoader loader) {
        if (found.getSuperclass() != CoroFrame.class || found.getClassLoader() != loader
                || !java.lang.reflect.Modifier.isFinal(found.getModifiers()) || !found.isSynthetic()) {
            throw new IncompatibleClassChangeError("coro: the class " + found.getName() + " is not the coroutine frame"
                    + " class that " + caller.lookupClass().getName() + " expects under that name: a class of that"
                    + " name was defined by other means; rename it");
        }
        return found;
    }
}
