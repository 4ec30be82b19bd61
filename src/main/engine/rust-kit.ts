/**
 * For tests that check Socket Lab against the real thing: Rust programs compiled here with rustc
 * and run as their own processes. Each program binds 127.0.0.1:0 and prints its port first.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { waitFor } from './engine-test-kit'

/** Why a Rust test is skipped where rustc is missing. */
export const NO_RUSTC = 'rustc is not installed here (neither on PATH nor in ~/.cargo/bin)'

/** rustc on PATH, else rustup's default place; null when neither runs. */
export function findRustc(): string | null {
  for (const candidate of ['rustc', join(homedir(), '.cargo', 'bin', 'rustc')]) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 20_000 })
    if (probe.status === 0) return candidate
  }
  return null
}

/** A compiled program: where it is, the folder it runs in, and how to remove both. */
export interface RustProgram {
  exe: string
  dir: string
  remove(): void
}

/** Compiles `source` (one main.rs, edition 2021, optimised); throws with rustc's words. */
export function buildRust(rustc: string, source: string): RustProgram {
  const dir = mkdtempSync(join(tmpdir(), 'socket-lab-rust-'))
  const remove = (): void => rmSync(dir, { recursive: true, force: true })
  writeFileSync(join(dir, 'main.rs'), source)
  const exe = join(dir, process.platform === 'win32' ? 'server.exe' : 'server')
  const built = spawnSync(rustc, ['-O', '--edition', '2021', '-o', exe, join(dir, 'main.rs')], {
    encoding: 'utf8',
    timeout: 110_000,
  })
  if (built.status !== 0) {
    remove()
    throw new Error(`rustc failed:\n${built.stderr}`)
  }
  return { exe, dir, remove }
}

/**
 * Compiles a crate named `name` as cargo would (src/lib.rs, then src/main.rs using it), with
 * `files` (hello.html, say) written beside the program: it runs in that folder.
 */
export function buildRustCrate(
  rustc: string,
  crate: { name: string; lib: string; main: string; files?: Record<string, string> },
): RustProgram {
  const dir = mkdtempSync(join(tmpdir(), 'socket-lab-rust-'))
  const remove = (): void => rmSync(dir, { recursive: true, force: true })
  const run = (args: string[]): void => {
    const built = spawnSync(rustc, ['-O', '--edition', '2021', ...args], {
      encoding: 'utf8',
      timeout: 110_000,
    })
    if (built.status === 0) return
    remove()
    throw new Error(`rustc failed:\n${built.stderr}`)
  }
  writeFileSync(join(dir, 'lib.rs'), crate.lib)
  writeFileSync(join(dir, 'main.rs'), crate.main)
  for (const [name, text] of Object.entries(crate.files ?? {})) writeFileSync(join(dir, name), text)
  const lib = join(dir, `lib${crate.name}.rlib`)
  run(['--crate-type', 'lib', '--crate-name', crate.name, '-o', lib, join(dir, 'lib.rs')])
  const exe = join(dir, process.platform === 'win32' ? 'server.exe' : 'server')
  run(['--extern', `${crate.name}=${lib}`, '-o', exe, join(dir, 'main.rs')])
  return { exe, dir, remove }
}

/** A running program: its port (its first line), what it printed so far, how to stop it. */
export interface RunningRust {
  port: number
  child: ChildProcess
  stdout(): string
  /** Resolves with the exit code once it has ended by itself (null: a signal ended it). */
  exited: Promise<number | null>
  kill(): void
}

export async function runRust(program: RustProgram): Promise<RunningRust> {
  const child = spawn(program.exe, [], { cwd: program.dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (data: Buffer) => (out += data.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const port = await waitFor(() => /^(\d+)\n/.exec(out)?.[1], 'the Rust program’s port')
  return {
    port: Number(port),
    child,
    stdout: () => out,
    exited,
    kill: () => child.kill(),
  }
}
