"""Documents → pages → chunks: loaders, chunking, the manifest and the glossary."""
