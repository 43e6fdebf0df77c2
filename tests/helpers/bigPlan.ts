// A large transcribed plan for scale checks: `sections` sections of tasks and indicators with
// `perSection` rows each (2,000 items by default), in the format of resources/plans/*.json.
export function bigTranscribedPlan(total = 2000, sections = 20): unknown {
  const perSection = Math.ceil(total / sections);
  const secs: { code: string; key: string; title: string; kind: 'tasks' | 'indicators' }[] = [];
  const tasks: Record<string, string>[] = [];
  const indicators: Record<string, string>[] = [];
  let made = 0;
  for (let s = 1; s <= sections && made < total; s++) {
    const kind = s % 2 === 0 ? 'indicators' : 'tasks';
    secs.push({ code: String(s), key: String(s), title: `Nhóm nhiệm vụ số ${s} về chuyển đổi số`, kind });
    for (let n = 1; n <= perSection && made < total; n++, made++) {
      const row = {
        section: String(s), sectionKey: String(s), no: String(n),
        content: `Nội dung dòng ${made + 1}: triển khai ứng dụng công nghệ thông tin tại phường, xã (số ${n})`,
        lead: n % 3 === 0 ? 'Sở Thông tin và Truyền thông' : '', coordinating: '', note: '',
      };
      if (kind === 'tasks') tasks.push({ ...row, due: n % 4 === 0 ? 'Quý II/2024' : '2024' });
      else indicators.push({ ...row, target: n % 5 === 0 ? '17/17' : `${50 + (n % 50)}%`, baseline: '' });
    }
  }
  return {
    plan: {
      id: 'vungtau-big-2024', decision: null, issuedOn: null, issuer: 'Ủy ban nhân dân thành phố Vũng Tàu',
      title: `Kế hoạch thử tải ${total} dòng`, periodFrom: '2024', periodTo: '2024', level: 'city',
    },
    reporting: ['Báo cáo định kỳ hàng tháng vào ngày 12 của tháng, thời điểm chốt số liệu báo cáo đến ngày 10.'],
    sections: secs, tasks, indicators, projects: [],
  };
}
