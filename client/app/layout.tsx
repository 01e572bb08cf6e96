import type { ReactNode } from 'react';

function Emblem() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" width="36" height="36" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#ffd54f" />
      <path d="M16 5.5l2.9 6.6 7.1.6-5.4 4.7 1.6 7-6.2-3.7-6.2 3.7 1.6-7L6 12.7l7.1-.6z" fill="#b71c1c" />
    </svg>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <a className="brand" href="/" aria-label="Chỉ tiêu, về trang đầu">
            <Emblem />
            <span className="brand-text">
              <span className="brand-name">Chỉ tiêu</span>
              <span className="brand-subtitle">Theo dõi chỉ tiêu nghị quyết</span>
            </span>
          </a>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <p>Chỉ tiêu · Theo dõi chỉ tiêu nghị quyết của Đảng bộ và các đơn vị trực thuộc</p>
      </footer>
    </div>
  );
}
