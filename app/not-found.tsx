import { connection } from "next/server";
import { NotFoundPage } from "@/components/ui/not-found";

/** Rendered per request, so the 404 page gets the request's CSP nonce like every other page. */
export default async function NotFound() {
  await connection();
  return <NotFoundPage />;
}
