package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalisation pass: empties the operand stack around each suspension point, so the emitter only
 * ever saves locals. For {@code sum += a + Yield.<Integer>await()} javac leaves {@code sum} and
 * {@code a} on the stack under the call:
 *
 * <pre>
 *   ILOAD sum; ILOAD a; INVOKESTATIC Yield.await; ...
 * becomes
 *   ILOAD sum; ILOAD a; ISTORE t1; ISTORE t0; INVOKESTATIC Yield.await; ASTORE r; ILOAD t0; ILOAD t1; ALOAD r; ...
 * </pre>
 *
 * The temporaries live past the end of the method's own locals; every suspension point reuses the
 * same range (their lifetimes never overlap). Liveness then saves them like any other local.
 *
 * <p>Pre: {@link ConstructorMover} ran (no uninitialised values on the stack). Post: at each
 * reachable suspension point the stack holds only the call's own argument.
 */
final class StackSpiller {
    private StackSpiller() {}

    static void apply(String owner, MethodNode m, ClassHierarchy hierarchy) {
        InsnList insns = m.instructions;
        ControlFlow<BasicValue> flow = ControlFlow.analyze(owner, m, new TypedInterpreter(hierarchy));
        List<MethodInsnNode> calls = new ArrayList<>();
        List<Frame<BasicValue>> frames = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            YieldCall c = YieldCall.of(insns.get(i));
            if (c == null || !c.suspends || flow.frames[i] == null) continue;
            calls.add((MethodInsnNode) insns.get(i));
            frames.add(flow.frames[i]);
        }
        int base = m.maxLocals;
        int maxLocals = base;
        for (int k = 0; k < calls.size(); k++) {
            MethodInsnNode call = calls.get(k);
            Frame<BasicValue> f = frames.get(k);
            int argc = Type.getArgumentTypes(call.desc).length;
            int below = f.getStackSize() - argc;
            if (below == 0) continue;
            int[] slots = new int[below];
            int next = base;
            for (int j = 0; j < below; j++) {
                slots[j] = next;
                next += f.getStack(j).getSize();
            }
            int transfer = next; // holds the argument before the call and the result after it
            maxLocals = Math.max(maxLocals, transfer + 1);
            InsnList before = new InsnList();
            if (argc == 1) before.add(new VarInsnNode(Opcodes.ASTORE, transfer));
            for (int j = below - 1; j >= 0; j--) {
                before.add(new VarInsnNode(opcode(f.getStack(j), Opcodes.ISTORE, call), slots[j]));
            }
            if (argc == 1) before.add(new VarInsnNode(Opcodes.ALOAD, transfer));
            InsnList after = new InsnList();
            after.add(new VarInsnNode(Opcodes.ASTORE, transfer));
            for (int j = 0; j < below; j++) {
                after.add(new VarInsnNode(opcode(f.getStack(j), Opcodes.ILOAD, call), slots[j]));
            }
            after.add(new VarInsnNode(Opcodes.ALOAD, transfer));
            insns.insertBefore(call, before);
            insns.insert(call, after);
        }
        m.maxLocals = maxLocals;
    }

    private static int opcode(BasicValue v, int base, AbstractInsnNode at) {
        Type t = v.getType();
        if (t == null || v == BasicValue.RETURNADDRESS_VALUE) {
            throw new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE, ControlFlow.lineOf(at),
                    "cannot save an operand stack value of unknown type across a suspension point");
        }
        return t.getOpcode(base);
    }
}
