import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import type { Compilation, Compiler, Module } from 'webpack'

const TEMPLATE = resolve(__dirname, '../offline/service-worker.js')

/** A build's file: its name, and its text when the name does not already say its content (index.html). */
export type BuiltFile = { name: string; text?: string }

const NAMED_BY_CONTENT = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i

/**
 * The service worker's source for one build: its version is a hash of every file name the build wrote and
 * of the content of those not named by content (index.html), so any change makes a new version and the
 * same build the same one. `entryFiles` are what a first visit loads, kept when the worker installs.
 */
export function serviceWorkerSource(
  files: readonly BuiltFile[],
  entryFiles: readonly string[],
  template = readFileSync(TEMPLATE, 'utf8'),
): string {
  const hash = createHash('sha256')
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    hash.update(`${file.name}\n`)
    if (!NAMED_BY_CONTENT.test(file.name)) hash.update(`${file.text ?? ''}\n`)
  }
  const version = hash.digest('hex').slice(0, 12)
  const shell = { version, files: entryFiles.map((file) => `./${file}`) }
  return `self.__SHELL__ = ${JSON.stringify(shell)};\n${template}`
}

/** A module as the chunk graph holds it: a file, or (in production) several concatenated into one. */
type BuiltModule = Module & { resource?: string; modules?: BuiltModule[] }

/** The files a module was built from (a concatenated module's every part). */
function sourcesOf(module: BuiltModule): string[] {
  const own = [module.resource, module.nameForCondition() ?? undefined].filter((s): s is string => typeof s === 'string')
  return [...own, ...(module.modules ?? []).flatMap(sourcesOf)]
}

/**
 * index.html with the start page's scripts and styles preloaded: Taro loads a page's chunks only once
 * app.js has arrived and run, a second round trip (400 ms on a slow phone network) the browser can start
 * with the first. Each file once, in the order given, before </head>.
 */
export function withPreloads(html: string, files: readonly string[]): string {
  const links = [...new Set(files)]
    .filter((file) => /\.(js|css)$/.test(file) && !html.includes(`"./${file}"`))
    .map((file) => `<link rel="preload" href="./${file}" as="${file.endsWith('.css') ? 'style' : 'script'}">`)
  return links.length === 0 ? html : html.replace('</head>', `${links.join('')}</head>`)
}

/**
 * Into the H5 build: preloads for the start page's chunks in index.html, and sw.js (client/offline/
 * service-worker.js with this build's version and the files a first visit loads).
 */
export class OfflineShellPlugin {
  /** `startPage`: the source of the page the app opens on, e.g. /src[\\/]pages[\\/]home[\\/]index\.tsx/. */
  constructor(private readonly startPage: RegExp) {}

  /** The files of the async chunk group that loads the start page (Taro imports every page lazily). */
  private startPageFiles(compilation: Compilation): string[] {
    const entries = new Set<unknown>(compilation.entrypoints.values())
    const group = compilation.chunkGroups.find(
      (candidate) =>
        !entries.has(candidate) &&
        candidate.chunks.some((chunk) =>
          [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some((module) =>
            sourcesOf(module as BuiltModule).some((file) => this.startPage.test(file)),
          ),
        ),
    )
    return group ? group.getFiles().filter((file) => !file.endsWith('.map')) : []
  }

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('OfflineShellPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'OfflineShellPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const startFiles = this.startPageFiles(compilation)
        const html = compilation.getAsset('index.html')
        if (html) compilation.updateAsset('index.html', new sources.RawSource(withPreloads(html.source.source().toString(), startFiles)))
        const files = compilation
          .getAssets()
          .filter(({ name }) => !name.endsWith('.map') && name !== 'sw.js')
          .map(({ name, source }) => (NAMED_BY_CONTENT.test(name) ? { name } : { name, text: source.source().toString() }))
        const entry = [...compilation.entrypoints.values()].flatMap((point) => point.getFiles()).filter((file) => !file.endsWith('.map'))
        compilation.emitAsset('sw.js', new sources.RawSource(serviceWorkerSource(files, [...new Set([...entry, ...startFiles])])))
      })
    })
  }
}
