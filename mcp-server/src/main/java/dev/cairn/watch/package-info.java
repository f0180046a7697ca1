/**
 * Watching folders for changes, for everything Cairn reloads without a restart (a folder
 * catalog, the policies). It knows nothing of what is reloaded.
 */
package dev.cairn.watch;
