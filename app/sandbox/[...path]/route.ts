import { routeMethods } from "@/lib/route-methods";

export const dynamic = "force-dynamic";
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods(process.env);
