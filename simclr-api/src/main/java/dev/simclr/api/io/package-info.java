/** File output every module and plugin shares: atomic writes (temporary file, then rename). */
package dev.simclr.api.io;
