/** 特别程序告知书: the procedure, why, its own limit, and that its time is not counted (Art. 45). */
import type { Pdf } from '../pdf.js';
import { paragraph } from './layout.js';
import { applied, formatDate, missing, PROCEDURE_NAMES, you, type NoticeModel } from './model.js';

export function drawSpecialProcedure(doc: Pdf, m: NoticeModel): void {
  const { action, state } = m;
  const pause = action.kind === 'suspend'
    ? { procedure: action.procedure, reason: action.reason, limitDays: action.limitDays, from: action.date }
    : [...state.pauses].reverse().find((p) => p.kind === 'specialProcedure');
  if (!pause?.procedure) throw missing(m.kind, 'no special procedure');
  const name = PROCEDURE_NAMES[pause.procedure];
  const y = you(m.applicant);

  paragraph(doc, `${applied(m)}（办件编号：${m.caseNo}）${state.acceptedOn ? `，本机关已于${formatDate(state.acceptedOn)}受理` : ''}。`);
  paragraph(doc, `在审查过程中，因${pause.reason}，依法需要进行${name}。`);
  paragraph(doc, `根据《中华人民共和国行政许可法》第四十五条的规定，现告知如下：本事项自${formatDate(pause.from)}起进入${name}程序，${name}所需时间不计算在办理期限内。${pause.limitDays !== null ? `${name}预计所需时间为${pause.limitDays}个工作日。` : ''}${name}结束后，本机关将恢复计时，继续办理。`);
  if (pause.procedure === 'hearing') {
    paragraph(doc, `${y}依法享有要求听证的权利。听证的时间、地点将于举行听证的七日前另行通知；${y}可以委托代理人参加听证。`);
  }
  paragraph(doc, `${y}可凭办件编号${m.caseNo}和查询码${m.verificationCode}，登录${m.progressUrl}或者扫描本告知书右下方二维码查询办理进度。`);
  paragraph(doc, '特此告知。');
}
