/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A self-contained server in .next/standalone (server.js plus only the node_modules it needs), for
  // containers and for several instances run with plain `node` (docs/deploy.md).
  output: "standalone",
  // The sandbox has no images to optimise, so the standalone output leaves out sharp and its ~19 MB of
  // native libvips builds (which would also be the wrong ones on a musl or other-arch runtime image).
  images: { unoptimized: true },
  outputFileTracingExcludes: { "*": ["node_modules/sharp/**", "node_modules/@img/**"] },
};

export default nextConfig;
