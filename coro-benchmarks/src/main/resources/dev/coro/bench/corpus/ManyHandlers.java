package dev.coro.bench.corpus;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/**
 * One large coroutine: 40 live locals and 80 try/catch blocks, each around a suspension point, and
 * a constructor call with a yield among its arguments (about 6 KB of bytecode). Weaving it took
 * seconds while the constructor pass analysed it with ASM's SourceInterpreter (issue 12, item 13).
 * The 80 blocks are written out, as a code generator would.
 */
public class ManyHandlers {
    @Coroutine
    static Coro<Integer, Integer, Integer> many(int seed) {
        int v0 = seed + 0;
        int v1 = seed + 1;
        int v2 = seed + 2;
        int v3 = seed + 3;
        int v4 = seed + 4;
        int v5 = seed + 5;
        int v6 = seed + 6;
        int v7 = seed + 7;
        int v8 = seed + 8;
        int v9 = seed + 9;
        int v10 = seed + 10;
        int v11 = seed + 11;
        int v12 = seed + 12;
        int v13 = seed + 13;
        int v14 = seed + 14;
        int v15 = seed + 15;
        int v16 = seed + 16;
        int v17 = seed + 17;
        int v18 = seed + 18;
        int v19 = seed + 19;
        int v20 = seed + 20;
        int v21 = seed + 21;
        int v22 = seed + 22;
        int v23 = seed + 23;
        int v24 = seed + 24;
        int v25 = seed + 25;
        int v26 = seed + 26;
        int v27 = seed + 27;
        int v28 = seed + 28;
        int v29 = seed + 29;
        int v30 = seed + 30;
        int v31 = seed + 31;
        int v32 = seed + 32;
        int v33 = seed + 33;
        int v34 = seed + 34;
        int v35 = seed + 35;
        int v36 = seed + 36;
        int v37 = seed + 37;
        int v38 = seed + 38;
        int v39 = seed + 39;
        try { v0 += Yield.<Integer>value(v0); } catch (IllegalStateException e) { v0 -= 0; }
        try { v1 += Yield.<Integer>value(v7); } catch (IllegalStateException e) { v7 -= 1; }
        try { v2 += Yield.<Integer>value(v14); } catch (IllegalStateException e) { v14 -= 2; }
        try { v3 += Yield.<Integer>value(v21); } catch (IllegalStateException e) { v21 -= 3; }
        try { v4 += Yield.<Integer>value(v28); } catch (IllegalStateException e) { v28 -= 4; }
        try { v5 += Yield.<Integer>value(v35); } catch (IllegalStateException e) { v35 -= 5; }
        try { v6 += Yield.<Integer>value(v2); } catch (IllegalStateException e) { v2 -= 6; }
        try { v7 += Yield.<Integer>value(v9); } catch (IllegalStateException e) { v9 -= 7; }
        try { v8 += Yield.<Integer>value(v16); } catch (IllegalStateException e) { v16 -= 8; }
        try { v9 += Yield.<Integer>value(v23); } catch (IllegalStateException e) { v23 -= 9; }
        try { v10 += Yield.<Integer>value(v30); } catch (IllegalStateException e) { v30 -= 10; }
        try { v11 += Yield.<Integer>value(v37); } catch (IllegalStateException e) { v37 -= 11; }
        try { v12 += Yield.<Integer>value(v4); } catch (IllegalStateException e) { v4 -= 12; }
        try { v13 += Yield.<Integer>value(v11); } catch (IllegalStateException e) { v11 -= 13; }
        try { v14 += Yield.<Integer>value(v18); } catch (IllegalStateException e) { v18 -= 14; }
        try { v15 += Yield.<Integer>value(v25); } catch (IllegalStateException e) { v25 -= 15; }
        try { v16 += Yield.<Integer>value(v32); } catch (IllegalStateException e) { v32 -= 16; }
        try { v17 += Yield.<Integer>value(v39); } catch (IllegalStateException e) { v39 -= 17; }
        try { v18 += Yield.<Integer>value(v6); } catch (IllegalStateException e) { v6 -= 18; }
        try { v19 += Yield.<Integer>value(v13); } catch (IllegalStateException e) { v13 -= 19; }
        try { v20 += Yield.<Integer>value(v20); } catch (IllegalStateException e) { v20 -= 20; }
        try { v21 += Yield.<Integer>value(v27); } catch (IllegalStateException e) { v27 -= 21; }
        try { v22 += Yield.<Integer>value(v34); } catch (IllegalStateException e) { v34 -= 22; }
        try { v23 += Yield.<Integer>value(v1); } catch (IllegalStateException e) { v1 -= 23; }
        try { v24 += Yield.<Integer>value(v8); } catch (IllegalStateException e) { v8 -= 24; }
        try { v25 += Yield.<Integer>value(v15); } catch (IllegalStateException e) { v15 -= 25; }
        try { v26 += Yield.<Integer>value(v22); } catch (IllegalStateException e) { v22 -= 26; }
        try { v27 += Yield.<Integer>value(v29); } catch (IllegalStateException e) { v29 -= 27; }
        try { v28 += Yield.<Integer>value(v36); } catch (IllegalStateException e) { v36 -= 28; }
        try { v29 += Yield.<Integer>value(v3); } catch (IllegalStateException e) { v3 -= 29; }
        try { v30 += Yield.<Integer>value(v10); } catch (IllegalStateException e) { v10 -= 30; }
        try { v31 += Yield.<Integer>value(v17); } catch (IllegalStateException e) { v17 -= 31; }
        try { v32 += Yield.<Integer>value(v24); } catch (IllegalStateException e) { v24 -= 32; }
        try { v33 += Yield.<Integer>value(v31); } catch (IllegalStateException e) { v31 -= 33; }
        try { v34 += Yield.<Integer>value(v38); } catch (IllegalStateException e) { v38 -= 34; }
        try { v35 += Yield.<Integer>value(v5); } catch (IllegalStateException e) { v5 -= 35; }
        try { v36 += Yield.<Integer>value(v12); } catch (IllegalStateException e) { v12 -= 36; }
        try { v37 += Yield.<Integer>value(v19); } catch (IllegalStateException e) { v19 -= 37; }
        try { v38 += Yield.<Integer>value(v26); } catch (IllegalStateException e) { v26 -= 38; }
        try { v39 += Yield.<Integer>value(v33); } catch (IllegalStateException e) { v33 -= 39; }
        try { v0 += Yield.<Integer>value(v0); } catch (IllegalStateException e) { v0 -= 40; }
        try { v1 += Yield.<Integer>value(v7); } catch (IllegalStateException e) { v7 -= 41; }
        try { v2 += Yield.<Integer>value(v14); } catch (IllegalStateException e) { v14 -= 42; }
        try { v3 += Yield.<Integer>value(v21); } catch (IllegalStateException e) { v21 -= 43; }
        try { v4 += Yield.<Integer>value(v28); } catch (IllegalStateException e) { v28 -= 44; }
        try { v5 += Yield.<Integer>value(v35); } catch (IllegalStateException e) { v35 -= 45; }
        try { v6 += Yield.<Integer>value(v2); } catch (IllegalStateException e) { v2 -= 46; }
        try { v7 += Yield.<Integer>value(v9); } catch (IllegalStateException e) { v9 -= 47; }
        try { v8 += Yield.<Integer>value(v16); } catch (IllegalStateException e) { v16 -= 48; }
        try { v9 += Yield.<Integer>value(v23); } catch (IllegalStateException e) { v23 -= 49; }
        try { v10 += Yield.<Integer>value(v30); } catch (IllegalStateException e) { v30 -= 50; }
        try { v11 += Yield.<Integer>value(v37); } catch (IllegalStateException e) { v37 -= 51; }
        try { v12 += Yield.<Integer>value(v4); } catch (IllegalStateException e) { v4 -= 52; }
        try { v13 += Yield.<Integer>value(v11); } catch (IllegalStateException e) { v11 -= 53; }
        try { v14 += Yield.<Integer>value(v18); } catch (IllegalStateException e) { v18 -= 54; }
        try { v15 += Yield.<Integer>value(v25); } catch (IllegalStateException e) { v25 -= 55; }
        try { v16 += Yield.<Integer>value(v32); } catch (IllegalStateException e) { v32 -= 56; }
        try { v17 += Yield.<Integer>value(v39); } catch (IllegalStateException e) { v39 -= 57; }
        try { v18 += Yield.<Integer>value(v6); } catch (IllegalStateException e) { v6 -= 58; }
        try { v19 += Yield.<Integer>value(v13); } catch (IllegalStateException e) { v13 -= 59; }
        try { v20 += Yield.<Integer>value(v20); } catch (IllegalStateException e) { v20 -= 60; }
        try { v21 += Yield.<Integer>value(v27); } catch (IllegalStateException e) { v27 -= 61; }
        try { v22 += Yield.<Integer>value(v34); } catch (IllegalStateException e) { v34 -= 62; }
        try { v23 += Yield.<Integer>value(v1); } catch (IllegalStateException e) { v1 -= 63; }
        try { v24 += Yield.<Integer>value(v8); } catch (IllegalStateException e) { v8 -= 64; }
        try { v25 += Yield.<Integer>value(v15); } catch (IllegalStateException e) { v15 -= 65; }
        try { v26 += Yield.<Integer>value(v22); } catch (IllegalStateException e) { v22 -= 66; }
        try { v27 += Yield.<Integer>value(v29); } catch (IllegalStateException e) { v29 -= 67; }
        try { v28 += Yield.<Integer>value(v36); } catch (IllegalStateException e) { v36 -= 68; }
        try { v29 += Yield.<Integer>value(v3); } catch (IllegalStateException e) { v3 -= 69; }
        try { v30 += Yield.<Integer>value(v10); } catch (IllegalStateException e) { v10 -= 70; }
        try { v31 += Yield.<Integer>value(v17); } catch (IllegalStateException e) { v17 -= 71; }
        try { v32 += Yield.<Integer>value(v24); } catch (IllegalStateException e) { v24 -= 72; }
        try { v33 += Yield.<Integer>value(v31); } catch (IllegalStateException e) { v31 -= 73; }
        try { v34 += Yield.<Integer>value(v38); } catch (IllegalStateException e) { v38 -= 74; }
        try { v35 += Yield.<Integer>value(v5); } catch (IllegalStateException e) { v5 -= 75; }
        try { v36 += Yield.<Integer>value(v12); } catch (IllegalStateException e) { v12 -= 76; }
        try { v37 += Yield.<Integer>value(v19); } catch (IllegalStateException e) { v19 -= 77; }
        try { v38 += Yield.<Integer>value(v26); } catch (IllegalStateException e) { v26 -= 78; }
        try { v39 += Yield.<Integer>value(v33); } catch (IllegalStateException e) { v33 -= 79; }
        v0 += new java.util.ArrayList<Integer>(Yield.<Integer>value(v2)).size();
        int s = 0;
        s += v0 + v1 + v2 + v3;
        s += v4 + v5 + v6 + v7;
        s += v8 + v9 + v10 + v11;
        s += v12 + v13 + v14 + v15;
        s += v16 + v17 + v18 + v19;
        s += v20 + v21 + v22 + v23;
        s += v24 + v25 + v26 + v27;
        s += v28 + v29 + v30 + v31;
        s += v32 + v33 + v34 + v35;
        s += v36 + v37 + v38 + v39;
        return Yield.done(s);
    }
}
