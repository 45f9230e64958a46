// Framework and runtime packages: they serve requests, render pages, own sessions or map the database, and publish
// security fixes in patch releases. Any downgrade of one is at least medium (dependency-downgrade, lockfile-changed).
export const FRAMEWORKS: readonly string[] = [
  'next', 'react', 'react-dom', 'express', 'fastify', '@nestjs/*', 'koa', 'hono', '@hapi/hapi', '@remix-run/*', 'react-router',
  'vue', 'nuxt', 'svelte', '@sveltejs/kit', '@angular/*', 'astro', 'prisma', '@prisma/client', 'typeorm', 'sequelize', 'drizzle-orm',
  'mongoose', 'better-auth', 'next-auth', '@auth/core', 'tslib',
];
