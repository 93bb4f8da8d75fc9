import type { Metadata, Viewport } from "next";
import { LocaleProvider } from "@/components/i18n/locale-provider";
import { localeNow } from "@/components/i18n/server";
import { pageMetadata } from "@/components/ui/page-metadata";
import "./globals.css";

// Title and description in the reader's language; a page with its own `metadata` replaces the title.
export const generateMetadata = (): Promise<Metadata> => pageMetadata();

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f1f5f9" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await localeNow();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-100 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <LocaleProvider locale={locale}>{children}</LocaleProvider>
      </body>
    </html>
  );
}
