import { createHash } from 'node:crypto';
import vm from 'node:vm';

/**
 * jest gives every test file a fresh module registry, so each file compiles the server and its
 * dependencies again: some 1,800 modules, about 0.4 s of CPU per file. This keeps V8's compiled
 * code of each module (by file name and source) for the rest of the worker, so the next files
 * of the worker only evaluate them. V8 checks the cached data against the source and compiles
 * afresh when it does not fit; nothing else about loading a module changes.
 *
 * Core modules are shared by every test file of a worker, so the wrapper goes in once (as in
 * loopback-only.ts); the module registry, and so every module's state, stays per file.
 */

const INSTALLED = Symbol.for('storelink.test.v8CodeCache');
type Compile = typeof vm.compileFunction;
type Vm = typeof vm & { [INSTALLED]?: true };

function install(): void {
  const guarded = vm as Vm;
  if (guarded[INSTALLED]) return;
  guarded[INSTALLED] = true;
  const compile: Compile = vm.compileFunction;
  const compiled = new Map<string, Buffer>();
  vm.compileFunction = function compileWithCodeCache(code: string, params?: readonly string[], options?: vm.CompileFunctionOptions) {
    const key = createHash('sha1')
      .update(options?.filename ?? '')
      .update('\0')
      .update(code)
      .digest('base64');
    const cachedData = compiled.get(key);
    if (cachedData) {
      const fn = compile(code, params, { ...options, cachedData }) as ReturnType<Compile> & { cachedDataRejected?: boolean };
      if (fn.cachedDataRejected) compiled.delete(key);
      return fn;
    }
    const fn = compile(code, params, { ...options, produceCachedData: true }) as ReturnType<Compile> & { cachedData?: Buffer };
    if (fn.cachedData) compiled.set(key, fn.cachedData);
    return fn;
  } as Compile;
}

install();
