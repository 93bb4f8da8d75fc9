import { EndpointList } from "@/components/endpoint-list";

export default function Home() {
  return <EndpointList />;
}
