<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA" sourcelanguage="en_GB">
<context>
    <name>ActionsMixin</name>
    <message>
        <location filename="../../ui/window/actions.py" line="27"/>
        <source>click to select (Ctrl+click adds), drag to move, drag a selected shape&apos;s vertices, drag the map to pan; right-click an element to edit, delete or route from it</source>
        <extracomment>What each tool does (its tooltip, after its name and shortcut).</extracomment>
        <translation>клацніть, щоб вибрати (Ctrl+клацання додає), перетягніть, щоб перемістити, перетягуйте вершини вибраної фігури, тягніть карту, щоб зсунути її; клацніть правою кнопкою елемент, щоб змінити, видалити його або прокласти від нього маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="32"/>
        <source>click where people gather; the thin line shows the road node it snaps to</source>
        <translation>клацніть там, де збираються люди; тонка лінія показує вузол дороги, до якого прив’язується точка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="36"/>
        <source>click the reception point; the thin line shows the road node it snaps to</source>
        <translation>клацніть пункт прийому; тонка лінія показує вузол дороги, до якого прив’язується точка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="40"/>
        <source>click where the vehicles wait</source>
        <translation>клацніть там, де чекає транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="44"/>
        <source>click on the corridor: it goes onto the corridor&apos;s road</source>
        <translation>клацніть на коридорі: блокпост стане на дорогу коридору</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="48"/>
        <source>click a start, waypoints and an end: the corridor follows the roads (Shift+click: a straight leg); double-click or Enter ends, Backspace removes a point, Esc cancels</source>
        <translation>клацніть початок, проміжні точки й кінець: коридор іде дорогами (Shift+клацання — прямий відрізок); подвійне клацання або Enter завершує, Backspace видаляє точку, Esc скасовує</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="53"/>
        <source>click the corners of the zone; double-click or Enter ends, Esc cancels</source>
        <translation>клацніть кути зони; подвійне клацання або Enter завершує, Esc скасовує</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="57"/>
        <source>click a road to close it</source>
        <translation>клацніть дорогу, щоб перекрити її</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="96"/>
        <source>&amp;New plan…</source>
        <translation>&amp;Новий план…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="97"/>
        <source>&amp;Open…</source>
        <translation>&amp;Відкрити…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="98"/>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="99"/>
        <source>Save &amp;as…</source>
        <translation>Зберегти &amp;як…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="100"/>
        <source>Start page</source>
        <translation>Стартова сторінка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="101"/>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="103"/>
        <source>&amp;Compute</source>
        <translation>&amp;Розрахувати</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="103"/>
        <source>Route and schedule the plan (F5)</source>
        <translation>Прокласти маршрути й скласти розклад для плану (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="106"/>
        <source>Tighten the &amp;bound</source>
        <translation>Уточнити &amp;межу</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="111"/>
        <source>Compute again with more solver time for the upper bound: a closer bound tells how good the schedule is (minutes of work; Esc cancels)</source>
        <translation>Розрахувати ще раз, давши розв’язувачу більше часу на верхню межу: точніша межа показує, наскільки добрий розклад (хвилини роботи; Esc скасовує)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="116"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="116"/>
        <source>Cancel the running work (Esc)</source>
        <translation>Скасувати поточну роботу (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="124"/>
        <source>Duplicate plan as &amp;variant</source>
        <translation>Копія плану як &amp;варіант</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="128"/>
        <source>A what-if variant of this plan: record map edits into it, run, compare</source>
        <translation>Варіант «що, якщо» цього плану: запишіть у нього зміни на карті, запустіть, порівняйте</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="130"/>
        <source>Open variants file…</source>
        <translation>Відкрити файл варіантів…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="132"/>
        <source>&amp;Run variants</source>
        <translation>&amp;Запустити варіанти</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="136"/>
        <source>Compute the base and every variant and sweep, and compare them</source>
        <translation>Розрахувати базовий план, кожен варіант і серію та порівняти їх</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="138"/>
        <source>Hide variant routes</source>
        <translation>Сховати маршрути варіанту</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="139"/>
        <source>Fit to plan</source>
        <translation>Увесь план</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="140"/>
        <source>Fit to network</source>
        <translation>Уся мережа</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="141"/>
        <source>Use network from the store…</source>
        <translation>Вибрати мережу зі сховища…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="142"/>
        <source>Import OSM file…</source>
        <translation>Імпортувати файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="143"/>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="145"/>
        <source>About evacplan</source>
        <translation>Про evacplan</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="147"/>
        <source>&amp;User guide</source>
        <translation>&amp;Посібник користувача</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="151"/>
        <source>The offline user guide: a first plan in ten steps, every tool and result</source>
        <translation>Офлайн-посібник: перший план за десять кроків, усі інструменти й результати</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="154"/>
        <source>Reset layout</source>
        <translation>Скинути розташування панелей</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="158"/>
        <source>Put every panel back in its default place and size</source>
        <translation>Повернути кожну панель на її типове місце й розмір</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="161"/>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="161"/>
        <source>Show or hide the map&apos;s legend</source>
        <translation>Показати або сховати легенду карти</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="187"/>
        <location filename="../../ui/window/actions.py" line="296"/>
        <source>&amp;Undo</source>
        <translation>&amp;Відмінити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="189"/>
        <location filename="../../ui/window/actions.py" line="301"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="198"/>
        <location filename="../../ui/window/actions.py" line="297"/>
        <location filename="../../ui/window/actions.py" line="298"/>
        <source>Undo</source>
        <translation>Відмінити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="199"/>
        <location filename="../../ui/window/actions.py" line="302"/>
        <location filename="../../ui/window/actions.py" line="303"/>
        <source>Redo</source>
        <translation>Повторити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="205"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="207"/>
        <source>Open &amp;recent</source>
        <translation>Нещодавні &amp;плани</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="211"/>
        <source>&amp;Export</source>
        <translation>&amp;Експорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="217"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="222"/>
        <source>Preferences…</source>
        <translation>Налаштування…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="225"/>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="229"/>
        <source>&amp;Tools</source>
        <translation>&amp;Інструменти</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="231"/>
        <source>&amp;Plan</source>
        <translation>П&amp;лан</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="235"/>
        <source>&amp;Networks</source>
        <translation>&amp;Мережі</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="238"/>
        <source>Fetch from OpenStreetMap</source>
        <translation>Завантажити з OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="242"/>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="281"/>
        <source>Tool: select</source>
        <translation>Інструмент: вибір</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="296"/>
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Відмінити: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="298"/>
        <source>Undo {edit}</source>
        <translation>Відмінити: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="301"/>
        <source>&amp;Redo {edit}</source>
        <translation>&amp;Повторити: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="303"/>
        <source>Redo {edit}</source>
        <translation>Повторити: {edit}</translation>
    </message>
</context>
<context>
    <name>ConvoyLayer</name>
    <message>
        <location filename="../../ui/convoys/layer.py" line="242"/>
        <source>{convoy} · {n} vehicles · {people} people</source>
        <translation>{convoy} · машин: {n} · людей: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="247"/>
        <source>from {a} to {b}</source>
        <translation>від {a} до {b}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="253"/>
        <source>until {t}</source>
        <translation>до {t}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="262"/>
        <source>{n} on the road</source>
        <translation>у дорозі: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="263"/>
        <source>{n} boarding</source>
        <translation>посадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="264"/>
        <source>{n} at checkpoints</source>
        <translation>на блокпостах: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="265"/>
        <source>{n} done</source>
        <translation>завершено: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="270"/>
        <source>{n} halted</source>
        <translation>на зупинці: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="272"/>
        <source>{n} unloading</source>
        <translation>висадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="274"/>
        <source>{n} forming up</source>
        <translation>формуються: {n}</translation>
    </message>
</context>
<context>
    <name>ConvoyState</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="72"/>
        <source>forming up, not yet departed</source>
        <translation>формується, ще не виїхала</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="73"/>
        <source>on the road</source>
        <translation>у дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="74"/>
        <source>boarding at an assembly point</source>
        <translation>посадка в пункті збору</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="75"/>
        <source>queued at a checkpoint</source>
        <translation>у черзі на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="76"/>
        <source>being checked at a checkpoint</source>
        <translation>перевірка на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="77"/>
        <source>halted</source>
        <translation>зупинка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="78"/>
        <source>unloading at the reception point</source>
        <translation>висадка в пункті прийому</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="79"/>
        <source>round finished</source>
        <translation>рейс завершено</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../ui/crash.py" line="30"/>
        <source>An internal error occurred: {error}</source>
        <translation>Сталася внутрішня помилка: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="34"/>
        <source>A recovery copy of your plan was saved to {path}.</source>
        <translation>Резервну копію вашого плану для відновлення збережено в {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="37"/>
        <source>evacplan error</source>
        <translation>Помилка evacplan</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="100"/>
        <location filename="../../ui/panels/gantt.py" line="190"/>
        <source>in (empty)</source>
        <translation>туди (порожня)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="101"/>
        <location filename="../../ui/panels/gantt.py" line="192"/>
        <source>out (loaded)</source>
        <translation>назад (з людьми)</translation>
    </message>
</context>
<context>
    <name>ElementsTree</name>
    <message>
        <location filename="../../ui/panels/elements.py" line="15"/>
        <source>Pickups</source>
        <translation>Пункти збору</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="16"/>
        <source>Destinations</source>
        <translation>Пункти прийому</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="17"/>
        <source>Depots</source>
        <translation>Бази транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="18"/>
        <source>Corridors</source>
        <translation>Коридори</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="19"/>
        <source>Checkpoints</source>
        <translation>Блокпости</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="20"/>
        <source>Hazard zones</source>
        <translation>Небезпечні зони</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="21"/>
        <source>Road closures</source>
        <translation>Перекриті дороги</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="25"/>
        <source>Assembly points where people wait for the buses</source>
        <translation>Пункти збору, де люди чекають на автобуси</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="26"/>
        <source>Reception points where the convoys unload</source>
        <translation>Пункти прийому, де колони висаджують людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="27"/>
        <source>Staging areas the vehicles start from</source>
        <translation>Місця зосередження, звідки виїжджає транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="28"/>
        <source>Agreed safe routes the convoys must keep to</source>
        <translation>Погоджені безпечні маршрути, яких мають триматися колони</translation>
    </message>
    <message>
        <source>Inspection points every vehicle passes, one at a time per lane</source>
        <translation type="vanished">Пункти перевірки, через які проходить кожна машина, по одній на смугу</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="29"/>
        <source>Inspection points every convoy passes, one convoy at a time</source>
        <translation>Пункти перевірки, через які проходить кожна колона, по одній колоні за раз</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="30"/>
        <source>Areas the routes avoid or cross slowly</source>
        <translation>Райони, які маршрути оминають або проходять повільно</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="31"/>
        <source>Roads that are closed</source>
        <translation>Дороги, що перекриті</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="63"/>
        <source>{n} ppl</source>
        <extracomment>The summaries and tooltips above (translated through ``_tr``, context ElementsTree).</extracomment>
        <translation>{n} осіб</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="64"/>
        <source>no limit</source>
        <translation>без обмежень</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="65"/>
        <source>cap {n}</source>
        <translation>місткість {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="66"/>
        <source>{n} veh.</source>
        <translation>{n} маш.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="67"/>
        <source>{n} min</source>
        <translation>{n} хв</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="68"/>
        <source>{n} m</source>
        <translation>{n} м</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="69"/>
        <source>blocked</source>
        <translation>непроїзна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="70"/>
        <source>slow ×{factor}</source>
        <translation>повільна ×{factor}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="71"/>
        <source>{n} pt</source>
        <translation>{n} т.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="72"/>
        <source>{total} people ({general} general, {reduced} reduced mobility, {stretcher} stretcher), priority {priority}</source>
        <translation>{total} осіб (загалом {general}, з обмеженою мобільністю {reduced}, на ношах {stretcher}), пріоритет {priority}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="76"/>
        <source>hold {n} min</source>
        <translation>затримка {n} хв</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="77"/>
        <source>{n} min per vehicle, {lanes} lane(s)</source>
        <translation>{n} хв на машину, смуг: {lanes}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="78"/>
        <source>{n} vertices, {width} m wide</source>
        <translation>вершин: {n}, ширина {width} м</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="79"/>
        <source>one-way</source>
        <translation>односторонній</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="80"/>
        <source>{count} × {type} ({seats} seats)</source>
        <translation>{count} × {type} (місць: {seats})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="81"/>
        <source>no vehicles</source>
        <translation>немає транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="125"/>
        <source>Element</source>
        <translation>Елемент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="125"/>
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="141"/>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="246"/>
        <source>Show on map</source>
        <translation>Показати на карті</translation>
    </message>
</context>
<context>
    <name>FilesMixin</name>
    <message>
        <location filename="../../ui/window/files.py" line="25"/>
        <source>evacplan plans (*.evacplan.json *.json);;All files (*)</source>
        <translation>Плани evacplan (*.evacplan.json *.json);;Усі файли (*)</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="86"/>
        <source>“{name}”: the plan and its what-if variants have unsaved changes. Save them first?</source>
        <translation>«{name}»: у плані та його варіантах «що, якщо» є незбережені зміни. Спершу зберегти їх?</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="88"/>
        <source>“{name}”: the plan has unsaved changes. Save them first?</source>
        <translation>«{name}»: у плані є незбережені зміни. Спершу зберегти їх?</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="90"/>
        <source>“{name}”: the what-if variants of the plan have unsaved changes. Save them first?</source>
        <translation>«{name}»: у варіантах «що, якщо» цього плану є незбережені зміни. Спершу зберегти їх?</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="94"/>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>Network not loaded: {error}</source>
        <translation type="vanished">Мережу не завантажено: {error}</translation>
    </message>
    <message>
        <source>Loading the road network “{name}”…</source>
        <translation type="vanished">Завантаження дорожньої мережі «{name}»…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="150"/>
        <location filename="../../ui/window/files.py" line="155"/>
        <source>Cannot open plan</source>
        <translation>Не вдається відкрити план</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="149"/>
        <location filename="../../ui/window/files.py" line="156"/>
        <source>Cannot open {file}:</source>
        <translation>Не вдається відкрити {file}:</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="164"/>
        <source>Opened the sample plan {file} as a template: Save asks for a new name.</source>
        <translation>Зразок плану {file} відкрито як шаблон: «Зберегти» запитає нову назву.</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="172"/>
        <source>Opened {path}</source>
        <translation>Відкрито: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="177"/>
        <source>Open plan</source>
        <translation>Відкрити план</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="211"/>
        <source>Save plan as</source>
        <translation>Зберегти план як</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="222"/>
        <source>Cannot save plan</source>
        <translation>Не вдається зберегти план</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="231"/>
        <source>Saved {path}</source>
        <translation>Збережено: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="241"/>
        <source>(none)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="253"/>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="253"/>
        <source>Compute the plan first (F5).</source>
        <translation>Спершу розрахуйте план (F5).</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="270"/>
        <source>Exported {paths}</source>
        <translation>Експортовано: {paths}</translation>
    </message>
</context>
<context>
    <name>Gantt</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="163"/>
        <source>{convoy} · escort {escort}, round {round} · {n} vehicles · {people} people</source>
        <translation>{convoy} · супровід {escort}, рейс {round} · машин: {n} · людей: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="185"/>
        <source>{checkpoint}: convoy {convoy}, {direction}, {n} vehicles, {people} people
waited {wait}</source>
        <translation>{checkpoint}: колона {convoy}, {direction}, машин: {n}, людей: {people}
очікування {wait}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="245"/>
        <source>{checkpoint} queue</source>
        <translation>черга {checkpoint}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="113"/>
        <source>max queue {n}</source>
        <translation>макс. черга {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="114"/>
        <source>no queue</source>
        <translation>без черги</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="69"/>
        <source>window end</source>
        <translation>кінець вікна</translation>
    </message>
</context>
<context>
    <name>GanttPanel</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="394"/>
        <source>The schedule has no convoys.</source>
        <translation>У розкладі немає колон.</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../ui/panels/kpis.py" line="32"/>
        <source>People out</source>
        <translation>Вивезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="33"/>
        <source>Demand</source>
        <translation>Потреба</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="34"/>
        <source>Upper bound</source>
        <translation>Верхня межа</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="35"/>
        <source>Gap to bound</source>
        <translation>Відрив від межі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="36"/>
        <source>Finish</source>
        <translation>Завершення</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="37"/>
        <source>Convoys</source>
        <translation>Колони</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="38"/>
        <source>Vehicles per convoy</source>
        <translation>Машин на колону</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="39"/>
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="40"/>
        <source>Seat use</source>
        <translation>Заповнення місць</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="120"/>
        <source>Tighten</source>
        <translation>Уточнити</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="150"/>
        <source>Assembly point</source>
        <translation>Пункт збору</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="150"/>
        <location filename="../../ui/panels/kpis.py" line="166"/>
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="150"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="206"/>
        <source>Upper bound · {s} s</source>
        <extracomment>px more than its minimum the summary asks for where the window has room (the main window&apos;s default layout): its not-served reasons on one line; a narrow window keeps the minimum and wraps them</extracomment>
        <translation>Верхня межа · {s} с</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="212"/>
        <source>The quick proof of the upper bound. Tighten (Plan ▸ Tighten the bound) spends minutes of solver time to prove a closer one; the caption then says the solver time a run.</source>
        <translation>Швидке доведення верхньої межі. «Уточнити» (План ▸ Уточнити межу) витрачає хвилини роботи розв’язувача, щоб довести точнішу межу; тоді підпис показує час розв’язувача на запуск.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="216"/>
        <source>The upper bound tightened with {s} s of solver time a run (Plan ▸ Tighten the bound); more time a run (Preferences) may prove a closer one.</source>
        <translation>Верхню межу уточнено з {s} с роботи розв’язувача на запуск (План ▸ Уточнити межу); більше часу на запуск (Налаштування) може довести точнішу.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="245"/>
        <source>&lt;b&gt;Not served:&lt;/b&gt; nobody — every person in the plan gets out.</source>
        <translation>&lt;b&gt;Не вивезено:&lt;/b&gt; нікого — усіх людей за планом вивезено.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="221"/>
        <source>&lt;b&gt;Not served&lt;/b&gt; ({n} people)</source>
        <translation>&lt;b&gt;Не вивезено&lt;/b&gt; (людей: {n})</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Pickup (assembly point)</source>
        <translation type="vanished">Пункт збору</translation>
    </message>
    <message>
        <source>Destination (reception)</source>
        <translation type="vanished">Пункт прийому</translation>
    </message>
    <message>
        <source>Depot (vehicles)</source>
        <translation type="vanished">База транспорту</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation type="vanished">Блокпост</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation type="vanished">Коридор</translation>
    </message>
    <message>
        <source>Hazard zone</source>
        <translation type="vanished">Небезпечна зона</translation>
    </message>
    <message>
        <source>Road closure</source>
        <translation type="vanished">Перекриття дороги</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="18"/>
        <source>Motorway</source>
        <extracomment>Road classes shown, major first (indices into ROAD_STYLES).</extracomment>
        <translation>Автомагістраль</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="19"/>
        <source>Trunk road</source>
        <translation>Швидкісна дорога</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="20"/>
        <source>Primary road</source>
        <translation>Головна дорога</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="21"/>
        <source>Secondary road</source>
        <translation>Другорядна дорога</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="22"/>
        <source>Tertiary road</source>
        <translation>Місцева дорога</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="23"/>
        <source>Street</source>
        <translation>Вулиця</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="25"/>
        <source>Point to its road node</source>
        <translation>Точка — вузол дороги</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="26"/>
        <source>Beyond the snap limit</source>
        <translation>Далі за межу прив’язки</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="68"/>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window/actions.py" line="15"/>
        <source>Select / move</source>
        <extracomment>Map tools: name, menu text (translated where shown, context MainWindow), shortcut.</extracomment>
        <translation>Вибрати / перемістити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="16"/>
        <source>Place pickup</source>
        <translation>Поставити пункт збору</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="17"/>
        <source>Place destination</source>
        <translation>Поставити пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="18"/>
        <source>Place depot</source>
        <translation>Поставити базу транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="19"/>
        <source>Place checkpoint</source>
        <translation>Поставити блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="20"/>
        <source>Draw corridor</source>
        <translation>Накреслити коридор</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="21"/>
        <source>Draw hazard zone</source>
        <translation>Накреслити небезпечну зону</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="22"/>
        <source>Close road</source>
        <translation>Перекрити дорогу</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="30"/>
        <source>PDF (convoy sheets and driver cards)…</source>
        <extracomment>Exports: key, menu text, module of planner.export, function, file filter.</extracomment>
        <translation>PDF (аркуші колон і картки водіїв)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="35"/>
        <source>CSV (trips and manifests)…</source>
        <translation>CSV (рейси та списки пасажирів)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="38"/>
        <source>GeoJSON (layers and routes)…</source>
        <translation>GeoJSON (шари й маршрути)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="43"/>
        <source>GPX (one route per convoy)…</source>
        <translation>GPX (один маршрут на колону)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="192"/>
        <source>What-if: New variant duplicates the plan (Plan ▸ Duplicate plan as variant); Record edits turns map edits into its changes; Open… reads a variants file. Run all compares them with the base.</source>
        <extracomment>Ask whether OpenStreetMap is reachable when the start page shows (tests turn it off).</extracomment>
        <translation>«Що, якщо»: «Новий варіант» — копія плану (План ▸ Копія плану як варіант); «Записувати зміни» перетворює правки на карті на його зміни; «Відкрити…» читає файл варіантів. «Запустити всі» порівнює їх із базовим планом.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="197"/>
        <source>Plan as opened (your edits follow; click one to go back to it)</source>
        <translation>План у відкритому вигляді (далі ваші зміни; клацніть зміну, щоб повернутися до неї)</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="200"/>
        <source>Palette</source>
        <translation>Палітра</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="202"/>
        <source>Elements</source>
        <translation>Елементи</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="210"/>
        <source>Summary</source>
        <translation>Підсумок</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="203"/>
        <source>Properties</source>
        <translation>Властивості</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="212"/>
        <source>Convoys</source>
        <translation>Колони</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="214"/>
        <source>Gantt</source>
        <translation>Діаграма Ганта</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="215"/>
        <source>Routes</source>
        <translation>Маршрути</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="216"/>
        <location filename="../../ui/window/main.py" line="357"/>
        <source>Problems</source>
        <translation>Проблеми</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="222"/>
        <source>Variants</source>
        <translation>Варіанти</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="223"/>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="340"/>
        <source>N</source>
        <comment>latitude</comment>
        <translation>пн. ш.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="340"/>
        <source>S</source>
        <comment>latitude</comment>
        <translation>пд. ш.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="341"/>
        <source>E</source>
        <comment>longitude</comment>
        <translation>сх. д.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="341"/>
        <source>W</source>
        <comment>longitude</comment>
        <translation>зх. д.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="346"/>
        <source>Tool: {name}</source>
        <translation>Інструмент: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="355"/>
        <source>Problems ({e} errors, {w} warnings)</source>
        <translation>Проблеми (помилок: {e}, попереджень: {w})</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="398"/>
        <source>Variant “{name}” is a copy of the plan: press Record edits in Variants, edit the map, release it.</source>
        <translation>Варіант «{name}» — копія плану: натисніть «Записувати зміни» у «Варіантах», змініть карту, відпустіть кнопку.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="422"/>
        <source>What-if: {n} runs compared (Variants panel).</source>
        <translation>«Що, якщо»: порівняно розрахунків: {n} (панель «Варіанти»).</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="473"/>
        <source>About evacplan</source>
        <translation>Про evacplan</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="475"/>
        <source>&lt;b&gt;evacplan&lt;/b&gt; — offline planner for humanitarian evacuations by bus convoy.&lt;br&gt;Road data © OpenStreetMap contributors (ODbL 1.0).</source>
        <translation>&lt;b&gt;evacplan&lt;/b&gt; — офлайн-планувальник гуманітарних евакуацій автобусними колонами.&lt;br&gt;Дані доріг © учасники OpenStreetMap (ODbL 1.0).</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="484"/>
        <source>unsaved</source>
        <translation>не збережено</translation>
    </message>
</context>
<context>
    <name>MapElements</name>
    <message>
        <location filename="../../ui/map/points.py" line="77"/>
        <source>{n} veh.</source>
        <translation>{n} маш.</translation>
    </message>
    <message>
        <location filename="../../ui/map/points.py" line="82"/>
        <source>cap {n}</source>
        <translation>місткість {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/points.py" line="88"/>
        <source>{n} min</source>
        <translation>{n} хв</translation>
    </message>
    <message>
        <location filename="../../ui/map/points.py" line="164"/>
        <source>Drop to add {kind}</source>
        <translation>Відпустіть, щоб додати: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/map/shapes.py" line="321"/>
        <source>blocked</source>
        <translation>непроїзна</translation>
    </message>
    <message>
        <location filename="../../ui/map/shapes.py" line="323"/>
        <source>slow ×{factor}</source>
        <translation>повільна ×{factor}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="38"/>
        <source>{total} people: {general} general, {reduced} reduced mobility, {stretcher} stretcher; priority {priority}</source>
        <translation>{total} осіб: загалом {general}, з обмеженою мобільністю {reduced}, на ношах {stretcher}; пріоритет {priority}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="52"/>
        <source>ready at {time}</source>
        <translation>готові о {time}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="56"/>
        <source>capacity unlimited</source>
        <translation>місткість необмежена</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="58"/>
        <source>capacity {n} people</source>
        <translation>місткість {n} осіб</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="63"/>
        <source>+ {n} stretchers</source>
        <translation>+ нош: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="68"/>
        <source>{count} × {type}, {seats} seats{stretchers}, {speed} km/h</source>
        <translation>{count} × {type}, місць: {seats}{stretchers}, {speed} км/год</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="73"/>
        <source>no vehicles</source>
        <translation>немає транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="76"/>
        <source>always open</source>
        <translation>працює завжди</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="78"/>
        <source>open {start}–{end}</source>
        <translation>працює {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="83"/>
        <source>hold {n} min</source>
        <translation>затримка {n} хв</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="88"/>
        <source>{n} min per vehicle, {lanes} lane(s), {hours}</source>
        <translation>{n} хв на машину, смуг: {lanes}, {hours}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="95"/>
        <source>width {width} m, {direction}, {n} points</source>
        <translation>ширина {width} м, {direction}, точок: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="97"/>
        <source>one-way</source>
        <translation>односторонній</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="99"/>
        <source>both directions</source>
        <translation>в обидва боки</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="105"/>
        <source>blocked: no driving</source>
        <translation>непроїзна: рух заборонено</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="107"/>
        <source>slow: speed × {factor}</source>
        <translation>повільна: швидкість × {factor}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="112"/>
        <source>{n} point(s) on the road</source>
        <translation>точок на дорозі: {n}</translation>
    </message>
</context>
<context>
    <name>MapResults</name>
    <message>
        <location filename="../../ui/map/results.py" line="194"/>
        <source>passages: {n} · queue {q} · wait {w}</source>
        <translation>проходжень: {n} · черга {q} · очікування {w}</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="197"/>
        <source>passages: {n} · no queue</source>
        <translation>проходжень: {n} · без черги</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="401"/>
        <source>Variant “{name}”: {n} route(s) changed — dashed: the variant&apos;s, solid grey: the base&apos;s</source>
        <translation>Варіант «{name}»: змінено маршрутів: {n} — пунктир: варіанту, суцільна сіра: базового плану</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="405"/>
        <source>Variant “{name}”: same routes as the base</source>
        <translation>Варіант «{name}»: маршрути ті самі, що й у базовому плані</translation>
    </message>
</context>
<context>
    <name>MapScale</name>
    <message>
        <location filename="../../ui/map/geometry.py" line="132"/>
        <source>{n} km</source>
        <translation>{n} км</translation>
    </message>
    <message>
        <location filename="../../ui/map/geometry.py" line="133"/>
        <source>{n} m</source>
        <translation>{n} м</translation>
    </message>
</context>
<context>
    <name>MapTools</name>
    <message>
        <location filename="../../ui/map/waypoints.py" line="118"/>
        <source>Move waypoint {n} of {element}</source>
        <translation>{element}: перемістити точку {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/waypoints.py" line="132"/>
        <source>Move {element}</source>
        <translation>{element}: перемістити</translation>
    </message>
    <message>
        <location filename="../../ui/map/waypoints.py" line="143"/>
        <source>Add waypoint {n} to {element}</source>
        <translation>{element}: додати точку {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/waypoints.py" line="157"/>
        <source>Remove waypoint {n} of {element}</source>
        <translation>{element}: видалити точку {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/edits.py" line="204"/>
        <source>Delete {n} elements</source>
        <translation>Видалити елементи ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/map/tools.py" line="415"/>
        <source>Close road: the plan&apos;s road network is not loaded, there is no road to close.</source>
        <translation>Перекрити дорогу: дорожню мережу плану не завантажено, немає дороги, яку можна перекрити.</translation>
    </message>
    <message>
        <location filename="../../ui/map/tools.py" line="421"/>
        <source>Close road: no road within {n} px of the click — click on a road (zoom in for small streets).</source>
        <translation>Перекрити дорогу: у межах {n} пікс. від клацання немає дороги — клацніть на дорозі (для малих вулиць збільште масштаб).</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/map/view.py" line="296"/>
        <source>Edit {id}…</source>
        <translation>Змінити {id}…</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="300"/>
        <source>Delete {id}</source>
        <translation>Видалити {id}</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="305"/>
        <source>Route from here (draw a corridor from it)</source>
        <translation>Маршрут звідси (накреслити коридор від цієї точки)</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="318"/>
        <source>Corridor from {id}: click waypoints and the end along the roads; double-click or Enter ends, Esc cancels.</source>
        <translation>Коридор від {id}: клацайте проміжні точки й кінець уздовж доріг; подвійне клацання або Enter завершує, Esc скасовує.</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="445"/>
        <source>on the corridor, {distance} to the road node</source>
        <translation>на коридорі, {distance} до вузла дороги</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="447"/>
        <source>{distance} to the road node</source>
        <translation>{distance} до вузла дороги</translation>
    </message>
</context>
<context>
    <name>NetworksMixin</name>
    <message>
        <location filename="../../ui/window/networks.py" line="32"/>
        <source>OpenStreetMap data (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf *.graphml);;All files (*)</source>
        <translation>Дані OpenStreetMap (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf *.graphml);;Усі файли (*)</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="74"/>
        <source>reading “{name}” from the store</source>
        <translation>читання «{name}» зі сховища</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="76"/>
        <source>preparing the map of “{name}”</source>
        <translation>підготовка карти «{name}»</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="108"/>
        <source>Fetch from OpenStreetMap</source>
        <translation>Завантажити з OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="110"/>
        <source>Import OSM file…</source>
        <translation>Імпортувати файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="112"/>
        <source>Use another network…</source>
        <translation>Інша мережа…</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="114"/>
        <source>Build the demo network</source>
        <translation>Побудувати демо-мережу</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="116"/>
        <source>Load again</source>
        <translation>Завантажити знову</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="141"/>
        <source>&lt;b&gt;Building the offline demo network “{name}”&lt;/b&gt; from the bundled OpenStreetMap extract (once, a few seconds). The roads appear when it is done; Esc cancels.</source>
        <translation>&lt;b&gt;Будується офлайн-демо-мережа «{name}»&lt;/b&gt; з вбудованого витягу OpenStreetMap (один раз, кілька секунд). Дороги з’являться, коли її буде готово; Esc скасовує.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="148"/>
        <source>&lt;b&gt;Loading the road network “{name}”…&lt;/b&gt; The plan is shown already; the roads appear when the network is loaded. Esc cancels.</source>
        <translation>&lt;b&gt;Завантаження дорожньої мережі «{name}»…&lt;/b&gt; План уже показано; дороги з’являться, коли мережу буде завантажено. Esc скасовує.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="154"/>
        <source>&lt;b&gt;The road network “{name}” was not loaded&lt;/b&gt; (cancelled). Load it again to compute.</source>
        <translation>&lt;b&gt;Дорожню мережу «{name}» не завантажено&lt;/b&gt; (скасовано). Завантажте її знову, щоб розрахувати.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="156"/>
        <source>&lt;b&gt;The road network “{name}” could not be loaded:&lt;/b&gt; {error}</source>
        <translation>&lt;b&gt;Не вдалося завантажити дорожню мережу «{name}»:&lt;/b&gt; {error}</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="162"/>
        <source>&lt;b&gt;The offline demo network “{name}” is not built yet.&lt;/b&gt; The plan is shown without roads until it is built from the bundled OpenStreetMap extract.</source>
        <translation>&lt;b&gt;Офлайн-демо-мережу «{name}» ще не побудовано.&lt;/b&gt; План показано без доріг, доки її не буде побудовано з вбудованого витягу OpenStreetMap.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="169"/>
        <source>&lt;b&gt;Road network “{name}” is not in the store.&lt;/b&gt; The plan is shown without roads and cannot be computed until the network is fetched or imported.</source>
        <translation>&lt;b&gt;Дорожньої мережі «{name}» немає у сховищі.&lt;/b&gt; План показано без доріг; його не можна розрахувати, доки мережу не завантажено або не імпортовано.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="200"/>
        <source>Network not loaded: “{name}” is not in the store.</source>
        <translation>Мережу не завантажено: «{name}» немає у сховищі.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="217"/>
        <source>Road network {name}: {nodes} nodes, {edges} edges</source>
        <translation>Дорожня мережа {name}: вузлів {nodes}, ребер {edges}</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="235"/>
        <source>Network not loaded: {error}</source>
        <translation>Мережу не завантажено: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="254"/>
        <source>Cannot read the network store: {error}</source>
        <translation>Не вдається прочитати сховище мереж: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="277"/>
        <source>No networks</source>
        <translation>Немає мереж</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="277"/>
        <source>The store has no networks: import an OSM file first.</source>
        <translation>У сховищі немає мереж: спершу імпортуйте файл OSM.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="282"/>
        <source>Road network</source>
        <translation>Дорожня мережа</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="282"/>
        <source>Put the plan on the stored network:</source>
        <translation>Перенести план на мережу зі сховища:</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="288"/>
        <source>The demo network “{name}” is still being built: choose it again when it is done.</source>
        <translation>Демо-мережа «{name}» ще будується: виберіть її знову, коли її буде готово.</translation>
    </message>
    <message>
        <source>Cannot load network</source>
        <translation type="vanished">Не вдається завантажити мережу</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="308"/>
        <source>Import OpenStreetMap file</source>
        <translation>Імпорт файлу OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="313"/>
        <source>Network name</source>
        <translation>Назва мережі</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="313"/>
        <source>Store the network as:</source>
        <translation>Зберегти мережу під назвою:</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="326"/>
        <source>Build network: building the offline demo network (once)…</source>
        <translation>Побудова мережі: будується офлайн-демо-мережа (один раз)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="352"/>
        <source>Stored network {name}: {nodes} nodes, {edges} edges</source>
        <translation>Мережу {name} збережено: вузлів: {nodes}, ребер: {edges}</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../ui/window/dialogs.py" line="17"/>
        <location filename="../../ui/window/dialogs.py" line="53"/>
        <source>New plan</source>
        <translation>Новий план</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="19"/>
        <source>New evacuation plan</source>
        <translation>Новий план евакуації</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="27"/>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="28"/>
        <source>Road network</source>
        <translation>Дорожня мережа</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="29"/>
        <source>Window start</source>
        <translation>Початок вікна</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="30"/>
        <source>Window length (h)</source>
        <translation>Тривалість вікна (год)</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="45"/>
        <source>window length must be between 0 and 336 hours</source>
        <translation>тривалість вікна має бути від 0 до 336 годин</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="50"/>
        <source>choose a road network (import one first: Networks → Import OSM file…)</source>
        <translation>виберіть дорожню мережу (спершу імпортуйте її: Мережі → Імпортувати файл OSM…)</translation>
    </message>
</context>
<context>
    <name>OptionalField</name>
    <message>
        <location filename="../../ui/panels/editors.py" line="234"/>
        <location filename="../../ui/panels/editors.py" line="238"/>
        <source>at</source>
        <extracomment>Fields whose range is named differently in :data:`planner.limits.RANGES`.</extracomment>
        <translation>о</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../ui/icons.py" line="20"/>
        <source>Pickup (assembly point)</source>
        <extracomment>Element kinds in palette order, with their label (English; shown through ``translate(&quot;Palette&quot;, label)``).</extracomment>
        <translation>Пункт збору</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="21"/>
        <source>Destination (reception)</source>
        <translation>Пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="22"/>
        <source>Depot (vehicles)</source>
        <translation>База транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="23"/>
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="24"/>
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="25"/>
        <source>Hazard zone</source>
        <translation>Небезпечна зона</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="26"/>
        <source>Road closure</source>
        <translation>Перекриття дороги</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="22"/>
        <source>Assembly point with a head-count (tool P). Drag onto the map, or click and then click the map; a thin line shows the road node it snaps to.</source>
        <translation>Пункт збору з кількістю людей (інструмент P). Перетягніть на карту або клацніть тут, а потім на карті; тонка лінія показує вузол дороги, до якого прив’язується точка.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="27"/>
        <source>Reception point where people are taken (tool D).</source>
        <translation>Пункт прийому, куди вивозять людей (інструмент D).</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="28"/>
        <source>Where vehicles start (tool B).</source>
        <translation>Звідки виїжджає транспорт (інструмент B).</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="29"/>
        <source>Checkpoint on the road (tool K): minutes per vehicle, lanes, opening hours. Dropped near a corridor it goes onto the corridor&apos;s road.</source>
        <translation>Блокпост на дорозі (інструмент K): хвилин на машину, смуги, години роботи. Поставлений біля коридору, він стає на дорогу коридору.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="34"/>
        <source>The agreed road (tool C): click a start, waypoints and an end and it follows the roads (Shift+click: straight); double-click or Enter to end.</source>
        <translation>Погоджений маршрут (інструмент C): клацніть початок, проміжні точки й кінець — він піде дорогами (Shift+клацання — прямо); подвійне клацання або Enter завершує.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="39"/>
        <source>Dangerous area, blocked or slow (tool H): click its corners, double-click to end.</source>
        <translation>Небезпечний район, непроїзний або повільний (інструмент H): клацніть його кути, подвійне клацання завершує.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="42"/>
        <source>A destroyed bridge or blocked road (tool X): click the road.</source>
        <translation>Зруйнований міст або перекрита дорога (інструмент X): клацніть дорогу.</translation>
    </message>
</context>
<context>
    <name>PlanFile</name>
    <message>
        <location filename="../../ui/messages.py" line="356"/>
        <source>not UTF-8 text (byte {byte})</source>
        <extracomment>Why a file is not a plan (``planner.plan.fileformat.FILE_MESSAGES``).</extracomment>
        <translation>не текст UTF-8 (байт {byte})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="357"/>
        <source>not valid JSON (line {line}, column {column}: {error})</source>
        <translation>некоректний JSON (рядок {line}, стовпець {column}: {error})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="358"/>
        <source>JSON nested too deeply</source>
        <translation>JSON має надто глибоку вкладеність</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="359"/>
        <source>not valid JSON ({name} is not a number in a plan)</source>
        <translation>некоректний JSON ({name} у плані не є числом)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="360"/>
        <source>not an evacplan plan (expected a JSON object with &quot;format&quot;: &quot;evacplan&quot;)</source>
        <translation>це не план evacplan (очікується об’єкт JSON з &quot;format&quot;: &quot;evacplan&quot;)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="363"/>
        <source>&apos;version&apos; must be a whole number, got {value}</source>
        <translation>&apos;version&apos; має бути цілим числом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="364"/>
        <source>made by a newer evacplan (format version {version}; this one reads up to {latest})</source>
        <translation>створено новішою версією evacplan (версія формату {version}; ця програма читає до {latest})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="367"/>
        <source>format version {version} is not supported</source>
        <translation>версія формату {version} не підтримується</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="368"/>
        <source>window is missing</source>
        <translation>бракує window (часового вікна)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="369"/>
        <source>(and {n:d} more problems)</source>
        <translation>(і ще проблем: {n:d})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="370"/>
        <source>cannot save a non-finite number ({value})</source>
        <translation>неможливо зберегти нескінченне або невизначене число ({value})</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/settings.py" line="130"/>
        <source>Preferences</source>
        <extracomment>Solver time of each run of the tightened bound (Plan -&gt; Tighten the bound), in s: default and range.</extracomment>
        <translation>Налаштування</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="134"/>
        <source>min</source>
        <translation>хв</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="136"/>
        <source>Autosave unsaved changes for recovery every</source>
        <translation>Автозбереження незбережених змін для відновлення кожні</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="139"/>
        <source>s</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="143"/>
        <source>Plan ▸ Tighten the bound: solver time of each of its runs. More proves a closer bound on some plans; the whole tightening takes many times this.</source>
        <translation>План ▸ Уточнити межу: час розв’язувача на кожен запуск. Більше часу на деяких планах доводить точнішу межу; усе уточнення триває в багато разів довше.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="147"/>
        <source>Tighten the bound: solver time a run</source>
        <translation>Уточнення межі: час розв’язувача на запуск</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="149"/>
        <source>System language ({name})</source>
        <translation>Мова системи ({name})</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="153"/>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="154"/>
        <source>A new language applies when evacplan next starts.</source>
        <translation>Нова мова застосовується після перезапуску evacplan.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <location filename="../../ui/messages.py" line="26"/>
        <source>{field} must be a number ≥ {lo:g} and ≤ {hi:g}, got {value}</source>
        <translation>{field} має бути числом від {lo:g} до {hi:g}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27"/>
        <source>{field} must be a number ≥ {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}</source>
        <translation>{field} має бути числом від {lo:num} до {hi:num}{unit:unitp}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <source>{field} must be a number &gt; {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}</source>
        <translation>{field} має бути числом більшим за {lo:num} і не більшим за {hi:num}{unit:unitp}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>{field} must be a whole number ≥ {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}</source>
        <translation>{field} має бути цілим числом від {lo:num} до {hi:num}{unit:unitp}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36"/>
        <source>{field} must be a whole number &gt; {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}</source>
        <translation>{field} має бути цілим числом більшим за {lo:num} і не більшим за {hi:num}{unit:unitp}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>{field} must be a number ≥ {lo:num}, got {value}</source>
        <translation>{field} має бути числом не меншим за {lo:num}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40"/>
        <source>{field} must be a number &gt; {lo:num}, got {value}</source>
        <translation>{field} має бути числом більшим за {lo:num}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41"/>
        <source>{field} must be a whole number ≥ {lo:num}, got {value}</source>
        <translation>{field} має бути цілим числом не меншим за {lo:num}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <source>{field} must be a whole number &gt; {lo:num}, got {value}</source>
        <translation>{field} має бути цілим числом більшим за {lo:num}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>{field} must be at most {hi:num}{unit:unit}, got {value}</source>
        <translation>{field} може бути щонайбільше {hi:num}{unit:unit}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="44"/>
        <source>{field} must be true or false, got {value}</source>
        <translation>{field} має бути true або false, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45"/>
        <source>{field} must be a date and time with a UTC offset, got {value}</source>
        <translation>{field} має бути датою й часом зі зсувом від UTC, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>{field} must lie in the years {lo} to {hi}, got {value}</source>
        <translation>{field} має припадати на роки з {lo} по {hi}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>{field} must be a text, got {value}</source>
        <translation>{field} має бути текстом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>{field} must not be empty</source>
        <translation>{field} не може бути порожнім</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <source>{field} is {n:n} characters long, at most {limit:n}: {value}</source>
        <translation>{field} має довжину {n:n} символів, а дозволено щонайбільше {limit:n}: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>{field} holds a lone surrogate (not a character; no file can store it): {value}</source>
        <translation>{field} містить одиночний сурогат (це не символ, і жоден файл його не збереже): {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53"/>
        <source>{field} holds a control character (newline, tab, escape, ...): {value}</source>
        <translation>{field} містить керівний символ (новий рядок, табуляцію, escape тощо): {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56"/>
        <source>{field} must be a list of (lon, lat) points, got {value}</source>
        <translation>{field} має бути списком точок (довгота, широта), а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57"/>
        <source>{field} must be a (lon, lat) pair, got {value}</source>
        <translation>{field} має бути парою (довгота, широта), а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>{field} needs at least {min} distinct points, got {n}</source>
        <translation>{field} потребує щонайменше {min} різних точок, а їх {n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59"/>
        <source>must be an object, got {value}</source>
        <translation>має бути об’єктом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>unknown field {name}</source>
        <translation>невідоме поле {name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>{field} is missing</source>
        <translation>бракує поля {field}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>{field} must not be null</source>
        <translation>{field} не може бути null</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>{field} holds a lone surrogate (not a character): {value}</source>
        <translation>{field} містить одиночний сурогат (це не символ): {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64"/>
        <source>{field} needs a UTC offset (like +02:00), got {value}</source>
        <translation>{field} потребує зсуву від UTC (як-от +02:00), а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>{field} must be a whole number, got {value}</source>
        <translation>{field} має бути цілим числом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>{field} must be a number, got {value}</source>
        <translation>{field} має бути числом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="67"/>
        <source>{field} must be a date and time like 2022-04-30T08:00+02:00, got {value}</source>
        <translation>{field} має бути датою й часом, як-от 2022-04-30T08:00+02:00, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>{field} must be a time like 08:00, got {value}</source>
        <translation>{field} має бути часом, як-от 08:00, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>{field} must be a list of [lon, lat] pairs, got {value}</source>
        <translation>{field} має бути списком пар [lon, lat], а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>{field} must be a [lon, lat] pair, got {value}</source>
        <translation>{field} має бути парою [lon, lat], а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73"/>
        <source>{field} must be a list, got {value}</source>
        <translation>{field} має бути списком, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>{n:n} points; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Точок: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77"/>
        <source>{n:n} pickups (assembly points); evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Пунктів збору: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80"/>
        <source>{n:n} destinations (reception points); evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Пунктів прийому: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="83"/>
        <source>{n:n} depots; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Баз транспорту: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>{n:n} checkpoints; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Блокпостів: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>{n:n} corridors; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Коридорів: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="92"/>
        <source>{n:n} hazard zones; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Небезпечних зон: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95"/>
        <source>{n:n} road closures; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Перекриттів доріг: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98"/>
        <source>{n:n} vehicles in the fleet; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Транспортних засобів у парку: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="101"/>
        <source>{n:n} people waiting in all; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Усього людей, що чекають: {n:n}; за кілька хвилин evacplan розраховує щонайбільше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104"/>
        <source>network.sha256 must be 64 lowercase hex digits or empty, got {value}</source>
        <translation>network.sha256 має складатися з 64 шістнадцяткових цифр у нижньому регістрі або бути порожнім, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>window.end ({end}) must be after window.start ({start})</source>
        <translation>кінець вікна window.end ({end}) має бути пізніше за початок window.start ({start})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108"/>
        <source>window is {days:.1f} days long; evacplan schedules windows of at most {limit} days: is window.end right?</source>
        <translation>вікно триває {days:.1f} доби, а evacplan планує вікна щонайбільше на {limit} діб: чи правильний кінець вікна (window.end)?</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112"/>
        <source>window is {days} days long; is window.end right?</source>
        <translation>вікно триває {days} діб: чи правильний кінець вікна (window.end)?</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>network.name: {error}</source>
        <translation>network.name: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114"/>
        <source>network {network}: {error}</source>
        <translation>дорожня мережа {network}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="115"/>
        <source>network.name is {plan_network} but it is checked against {network}</source>
        <translation>у плані дорожня мережа {plan_network}, а перевірка йде за мережею {network}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118"/>
        <source>drawn on another extract of network {network} (sha256 {plan_sha}…, the store has {store_sha}…); points are snapped anew</source>
        <translation>план накреслено на іншому витягу мережі {network} (sha256 {plan_sha}…, у сховищі {store_sha}…); точки прив’язано заново</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122"/>
        <source>id must be a non-empty text, got {value}</source>
        <translation>ідентифікатор (id) має бути непорожнім текстом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>id must be printable text of at most {limit} characters, got {value}</source>
        <translation>ідентифікатор (id) має бути друкованим текстом щонайбільше з {limit} символів, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126"/>
        <source>id {id} is used by {n} elements; ids must be unique</source>
        <translation>ідентифікатор {id} мають кілька елементів ({n}); ідентифікатори мають бути унікальними</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127"/>
        <source>destination {value} is not a destination of this plan</source>
        <translation>пункту прийому {value} у цьому плані немає</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="128"/>
        <source>nobody to take out (all people counts are 0)</source>
        <translation>вивозити нікого (усі кількості людей дорівнюють 0)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>ready_time {time} is not before the window ends</source>
        <translation>час готовності {time} не раніше кінця вікна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="130"/>
        <source>vehicles must be a list, got {value}</source>
        <translation>vehicles має бути списком, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131"/>
        <source>no vehicles at this depot</source>
        <translation>на цій базі немає транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="132"/>
        <source>{field}: a vehicle needs at least one seat or stretcher place</source>
        <translation>{field}: у транспортного засобу має бути хоча б одне сидяче місце або місце для нош</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="133"/>
        <source>{field} must be a list of texts, got {value}</source>
        <translation>{field} має бути списком текстів, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="134"/>
        <source>{field}: {plates} plates for {count} vehicles</source>
        <translation>{field}: номерних знаків {plates}, а машин лише {count}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>{field} is not before the window ends</source>
        <translation>{field} не раніше кінця вікна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="136"/>
        <source>line crosses itself</source>
        <translation>лінія перетинає сама себе</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="137"/>
        <source>{field} must be a local time like 08:00 (or empty for always open), got {value}</source>
        <translation>{field} має бути місцевим часом на кшталт 08:00 (або порожнім, якщо працює цілодобово), а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140"/>
        <source>open_from equals open_to: read as open round the clock</source>
        <translation>час відкриття збігається з часом закриття: вважаємо, що блокпост працює цілодобово</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="141"/>
        <source>polygon is not a valid ring ({why})</source>
        <translation>контур зони некоректний ({why})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="142"/>
        <source>polygon has no area</source>
        <translation>контур зони не має площі</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>effect must be one of {choices:list}, got {value}</source>
        <translation>effect має бути одним із значень {choices:list}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="144"/>
        <source>lies {distance_m:km1} from every corridor</source>
        <translation>стоїть за {distance_m:km1} від найближчого коридору</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145"/>
        <source>lies {distance_m:km} outside the bounding box of network {network}</source>
        <translation>лежить за {distance_m:km} поза межами дорожньої мережі {network}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="146"/>
        <source>{field} lies {distance_m:km} outside the bounding box of network {network}</source>
        <translation>{field} лежить за {distance_m:km} поза межами дорожньої мережі {network}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="149"/>
        <source>the plan has no pickup (assembly point)</source>
        <translation>у плані немає жодного пункту збору</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="150"/>
        <source>the plan has no destination (reception point)</source>
        <translation>у плані немає жодного пункту прийому</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="151"/>
        <source>the plan has no vehicles (add a depot with vehicles)</source>
        <translation>у плані немає транспорту (додайте базу транспорту з машинами)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="152"/>
        <source>rules.corridor_only is set but the plan has no corridor</source>
        <translation>увімкнено «Лише коридорами», але в плані немає жодного коридору</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="153"/>
        <source>{n:d} stretcher cases but no vehicle with stretcher places</source>
        <translation>людей на ношах: {n:d}, але жоден транспортний засіб не має місць для нош</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>destinations take {capacity:d} people in all, fewer than the {demand:d} waiting</source>
        <translation>пункти прийому разом приймуть {capacity:d} осіб — менше, ніж чекає на вивезення ({demand:d})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157"/>
        <source>lies {distance_m:dist} from the nearest road node of network {network} (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; drag it onto a road on the map, or raise the plan&apos;s snap limit (rules.snap_limit_m) if it is right</source>
        <translation>стоїть за {distance_m:dist} від найближчого вузла дороги мережі {network} (вузол OSM {osmid}) — далі за межу прив’язки {limit_m:g} м; перетягніть точку на дорогу на карті або, якщо місце правильне, збільште межу прив’язки плану (rules.snap_limit_m)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161"/>
        <source>{field} lies {distance_m:dist} from the nearest road node of network {network} (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; put the closure on the road it closes, or delete it</source>
        <translation>{field} стоїть за {distance_m:dist} від найближчого вузла дороги мережі {network} (вузол OSM {osmid}) — далі за межу прив’язки {limit_m:g} м; поставте перекриття на дорогу, яку воно перекриває, або видаліть його</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165"/>
        <source>would be served from a road node {distance_m:dist} away (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; reopen the closed roads near it, or move it onto an open road</source>
        <translation>найближчий відкритий вузол дороги — за {distance_m:dist} (вузол OSM {osmid}), далі за межу прив’язки {limit_m:g} м; відкрийте перекриті дороги поруч або перенесіть точку на відкриту дорогу</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="169"/>
        <source>it lies inside blocked {zone} and would be served from a road node {distance_m:dist} away (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; move it out of the zone, or make the zone slow instead of blocked</source>
        <translation>стоїть усередині закритої зони {zone} і найближчий відкритий вузол дороги — за {distance_m:dist} (вузол OSM {osmid}), далі за межу прив’язки {limit_m:g} м; винесіть точку із зони або зробіть зону зоною повільного руху замість закритої</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="173"/>
        <source>no open road is left to serve it from; reopen the closed roads near it, or move it onto an open road</source>
        <translation>не лишилося жодної відкритої дороги для під’їзду; відкрийте перекриті дороги поруч або перенесіть точку на відкриту дорогу</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="177"/>
        <source>it lies inside blocked {zone} and no open road is left to serve it from; move it out of the zone, or make the zone slow instead of blocked</source>
        <translation>стоїть усередині закритої зони {zone}, і не лишилося жодної відкритої дороги для під’їзду; винесіть точку із зони або зробіть зону зоною повільного руху замість закритої</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../ui/panels/problems.py" line="33"/>
        <source>Element</source>
        <translation>Елемент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="33"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="101"/>
        <source>Network {name} is not in the store: the plan cannot be computed. Import or fetch it (Networks menu), or choose another network.</source>
        <translation>Дорожньої мережі {name} немає у сховищі: план не можна розрахувати. Імпортуйте або завантажте її (меню «Мережі») чи виберіть іншу мережу.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="113"/>
        <source>plan</source>
        <translation>план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="123"/>
        <source>No problems found: the plan can be computed.</source>
        <translation>Проблем не знайдено: план можна розрахувати.</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <location filename="../../ui/panels/properties.py" line="58"/>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="62"/>
        <location filename="../../ui/panels/properties.py" line="77"/>
        <location filename="../../ui/panels/properties.py" line="82"/>
        <location filename="../../ui/panels/properties.py" line="93"/>
        <source>Position</source>
        <translation>Розташування</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="63"/>
        <source>People: general</source>
        <translation>Люди: загалом</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="66"/>
        <source>People: reduced mobility</source>
        <translation>Люди: з обмеженою мобільністю</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="70"/>
        <source>People: stretcher</source>
        <translation>Люди: на ношах</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="71"/>
        <source>Ready at</source>
        <translation>Готові о</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="72"/>
        <source>Priority (1 = first)</source>
        <translation>Пріоритет (1 = перший)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="73"/>
        <source>Only to destination</source>
        <translation>Лише до пункту прийому</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="78"/>
        <source>Capacity (people)</source>
        <translation>Місткість (осіб)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="83"/>
        <source>Vehicles</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="87"/>
        <source>Line</source>
        <translation>Лінія</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="88"/>
        <source>Width (m)</source>
        <translation>Ширина (м)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="89"/>
        <source>One-way (drawn direction)</source>
        <translation>Односторонній (у напрямку креслення)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="97"/>
        <source>Minutes per convoy</source>
        <translation>Хвилин на колону</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="103"/>
        <source>Minutes per vehicle</source>
        <translation>Хвилин на машину</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="107"/>
        <source>Lanes</source>
        <translation>Смуги</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="110"/>
        <source>Document check (s/person)</source>
        <translation>Перевірка документів (с/особу)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="114"/>
        <source>Checks empty vehicles</source>
        <translation>Перевіряє порожні машини</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="115"/>
        <source>Opens at (HH:MM)</source>
        <translation>Відкривається о (ГГ:ХХ)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="116"/>
        <source>Closes at (HH:MM)</source>
        <translation>Закривається о (ГГ:ХХ)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="117"/>
        <source>Hold per passage (min)</source>
        <translation>Затримка на проходження (хв)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="118"/>
        <source>Overnight halt allowed</source>
        <translation>Дозволена нічна стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="122"/>
        <source>Polygon</source>
        <translation>Багатокутник</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="123"/>
        <source>Effect</source>
        <translation>Дія</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="124"/>
        <source>Speed factor (slow)</source>
        <translation>Коефіцієнт швидкості (повільно)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="126"/>
        <source>Points</source>
        <translation>Точки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="130"/>
        <source>Plan name</source>
        <translation>Назва плану</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="131"/>
        <source>Window start</source>
        <translation>Початок вікна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="132"/>
        <source>Window end</source>
        <translation>Кінець вікна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="133"/>
        <source>No night driving</source>
        <translation>Без руху вночі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="134"/>
        <source>Corridor only</source>
        <translation>Лише коридорами</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="137"/>
        <source>Approach radius (m)</source>
        <translation>Радіус під’їзду (м)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="141"/>
        <source>Max convoy size (vehicles)</source>
        <translation>Макс. розмір колони (машин)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="142"/>
        <source>Escort teams</source>
        <translation>Групи супроводу</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="145"/>
        <source>Headway between convoys (min)</source>
        <translation>Інтервал між колонами (хв)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="151"/>
        <source>Loading (s/person)</source>
        <translation>Посадка (с/особу)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="157"/>
        <source>Unloading (s/person)</source>
        <translation>Висадка (с/особу)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="161"/>
        <source>Mobilisation (min)</source>
        <translation>Мобілізація (хв)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="164"/>
        <source>Bus cap, open road (km/h)</source>
        <translation>Ліміт автобуса, траса (км/год)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="168"/>
        <source>Bus cap, city (km/h)</source>
        <translation>Ліміт автобуса, місто (км/год)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="169"/>
        <source>Snap limit (m)</source>
        <translation>Межа прив’язки (м)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="170"/>
        <source>Priority groups first</source>
        <translation>Спершу пріоритетні групи</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="171"/>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="175"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="176"/>
        <source>Count</source>
        <translation>Кількість</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="177"/>
        <source>Seats</source>
        <translation>Місць</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="178"/>
        <source>Stretchers</source>
        <translation>Нош</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="179"/>
        <source>Max km/h</source>
        <translation>Макс. км/год</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="180"/>
        <source>Available from</source>
        <translation>Доступні з</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="197"/>
        <source>{text} is not a date and time like 2022-03-06 10:00+02:00</source>
        <translation>{text} — не дата й час на кшталт 2022-03-06 10:00+02:00</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="277"/>
        <source>Select an element on the map or in the tree to edit it.</source>
        <translation>Виберіть елемент на карті або в дереві, щоб змінити його.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="279"/>
        <source>Several elements are selected: select one to edit it.</source>
        <translation>Вибрано кілька елементів: виберіть один, щоб змінити його.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="281"/>
        <source>Plan settings</source>
        <translation>Параметри плану</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="326"/>
        <source>loaded</source>
        <translation>завантажено</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="326"/>
        <source>not in the store</source>
        <translation>немає у сховищі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="327"/>
        <source>Network: &lt;b&gt;{name}&lt;/b&gt; ({state})</source>
        <translation>Мережа: &lt;b&gt;{name}&lt;/b&gt; ({state})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="361"/>
        <source>unlimited</source>
        <translation>без обмежень</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="367"/>
        <source>not set: from the window start</source>
        <translation>не задано: з початку вікна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="372"/>
        <source>not set: always open</source>
        <translation>не задано: працює завжди</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="381"/>
        <source>lon</source>
        <translation>довг.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="381"/>
        <source>lat</source>
        <translation>шир.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="420"/>
        <source>Add vehicle type</source>
        <translation>Додати тип транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="422"/>
        <source>Remove</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="468"/>
        <source>any destination</source>
        <translation>будь-який пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="485"/>
        <source>no vertices yet: draw on the map</source>
        <translation>вершин ще немає: накресліть на карті</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="490"/>
        <source>{n} vertices, from {lat0}, {lon0} to {lat1}, {lon1} (edit by dragging on the map)</source>
        <translation>вершин: {n}, від {lat0}, {lon0} до {lat1}, {lon1} (змінюйте перетягуванням на карті)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="568"/>
        <source>vehicle row {row}, {column}: {text} is not a valid value</source>
        <translation>рядок транспорту {row}, {column}: {text} — неприпустиме значення</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="632"/>
        <source>No problems here.</source>
        <translation>Тут проблем немає.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="655"/>
        <source>{n} elements selected</source>
        <translation>Вибрано елементів: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="146"/>
        <source>Pickup</source>
        <extracomment>Languages offered, by code, with their names in their own language. Element kinds as shown in titles (translated where shown, context PropertiesPanel).</extracomment>
        <translation>Пункт збору</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="147"/>
        <source>Destination</source>
        <translation>Пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="148"/>
        <source>Depot</source>
        <translation>База транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="149"/>
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="150"/>
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="151"/>
        <source>Hazard</source>
        <translation>Небезпечна зона</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="152"/>
        <source>Closure</source>
        <translation>Перекриття</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="659"/>
        <source>blocked</source>
        <extracomment>The hazard effects as offered in their choice box (``planner.plan.HAZARD_EFFECTS``).</extracomment>
        <translation>непроїзна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="659"/>
        <source>slow</source>
        <translation>повільна</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="108"/>
        <source>unreachable</source>
        <translation>недосяжно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="109"/>
        <source>destination capacity</source>
        <translation>місткість пункту прийому</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="110"/>
        <source>window</source>
        <translation>вікно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="111"/>
        <source>checkpoint throughput</source>
        <translation>пропускна здатність блокпостів</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="112"/>
        <source>escorts</source>
        <translation>супровід</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="113"/>
        <source>fleet</source>
        <translation>транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="114"/>
        <source>priority rule</source>
        <translation>правило пріоритету</translation>
    </message>
</context>
<context>
    <name>RecoveryMixin</name>
    <message>
        <location filename="../../ui/window/recovery.py" line="55"/>
        <source>Autosave failed: {error}</source>
        <translation>Автозбереження не вдалося: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="92"/>
        <source>an earlier session</source>
        <translation>попередній сеанс</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="96"/>
        <source>Recover plan</source>
        <translation>Відновити план</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="98"/>
        <source>evacplan did not close normally. A recovery copy of “{name}” was saved at {when}.

Recover it? (No deletes the recovery copy.)</source>
        <translation>evacplan завершив роботу некоректно. Резервну копію «{name}» збережено {when}.

Відновити її? («Ні» видаляє резервну копію.)</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="112"/>
        <source>Cannot recover plan</source>
        <translation>Не вдається відновити план</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="120"/>
        <source>Cannot recover the variants</source>
        <translation>Не вдається відновити варіанти</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="126"/>
        <source>Recovered the plan from the autosave: save it to keep it.</source>
        <translation>План відновлено з автозбереження: збережіть його, щоб не втратити.</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../ui/panels/results.py" line="63"/>
        <source>No results yet: press Compute (F5) to route and schedule the plan.</source>
        <translation>Результатів ще немає: натисніть «Розрахувати» (F5), щоб прокласти маршрути й скласти розклад.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="67"/>
        <source>The plan was not scheduled: see the Problems list.</source>
        <translation>Розклад для плану не складено: див. список «Проблеми».</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="56"/>
        <source>fastest</source>
        <translation>найшвидший</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="58"/>
        <source>via {street}</source>
        <translation>через {street}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="120"/>
        <source>From</source>
        <translation>Звідки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="121"/>
        <source>To</source>
        <translation>Куди</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="122"/>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="123"/>
        <source>Length</source>
        <translation>Довжина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="124"/>
        <source>Drive time</source>
        <translation>Час у дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="125"/>
        <source>Checkpoints</source>
        <translation>Блокпости</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="146"/>
        <source>No pickup can reach a destination: see the Problems list.</source>
        <translation>Жоден пункт збору не має шляху до пункту прийому: див. список «Проблеми».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="150"/>
        <source>none</source>
        <translation>немає</translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <location filename="../../ui/messages.py" line="282"/>
        <source>{element:el} has no usable road to snap to</source>
        <translation>{element:el}: немає придатної дороги, до якої можна прив’язати точку</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283"/>
        <source>{element:el} lies inside blocked {zone:el}; it is served from the nearest usable road node outside, {distance_m:m} away</source>
        <translation>{element:el} стоїть усередині закритої зони ({zone:el}); обслуговується з найближчого придатного вузла дороги за її межами, за {distance_m:m}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="287"/>
        <source>{element:el} is {distance_m:m} from the nearest usable road node (limit {limit_m:m})</source>
        <translation>{element:el} стоїть за {distance_m:m} від найближчого придатного вузла дороги (межа {limit_m:m})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="290"/>
        <source>{element:el} touches no road within {limit_m:m}{nearest_m:nearest}; it closes nothing</source>
        <translation>{element:el} не торкається жодної дороги в межах {limit_m:m}{nearest_m:nearest}; воно нічого не перекриває</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="293"/>
        <source>{pickup:el} cannot reach any destination: {why:why}</source>
        <translation>{pickup:el}: немає шляху до жодного пункту прийому; {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="294"/>
        <source>{pickup:el} cannot reach {destination:el}: {why:why}</source>
        <translation>Немає шляху: {pickup:el} → {destination:el}; {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="295"/>
        <source>{pickup:el} cannot be reached by {vehicles:vehicles}: {why:why}</source>
        <translation>{pickup:el} недосяжний для {vehicles:vehicles}: {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="296"/>
        <source>no vehicle can reach {pickup:el} from any depot or destination: {why:why}</source>
        <translation>{pickup:el}: жодна машина не може дістатися сюди з жодної бази транспорту чи пункту прийому; {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="299"/>
        <source>{depot:el} cannot reach any pickup: {why:why}</source>
        <translation>{depot:el}: немає шляху до жодного пункту збору; {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="300"/>
        <source>{checkpoint:el} lies on no pickup -&gt; destination route</source>
        <translation>{checkpoint:el} не лежить на жодному маршруті від пункту збору до пункту прийому</translation>
    </message>
</context>
<context>
    <name>RoutingWhy</name>
    <message>
        <location filename="../../ui/messages.py" line="303"/>
        <source>every path {cut:cut}{lifted:lifted}</source>
        <translation>кожен шлях {cut:cut}{lifted:lifted}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="304"/>
        <source>every way in {cut:cut}{lifted:lifted}</source>
        <translation>кожен в’їзд {cut:cut}{lifted:lifted}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="305"/>
        <source>every way out {cut:cut}{lifted:lifted}</source>
        <translation>кожен виїзд {cut:cut}{lifted:lifted}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="306"/>
        <source>no road of network {network} leads there</source>
        <translation>туди не веде жодна дорога мережі {network}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="310"/>
        <source>leaves {what}</source>
        <extracomment>The pieces of a reason (spec ``cut``, ``lifted``, ``nearest``) and the vehicles routing names.</extracomment>
        <translation>виходить за межі: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="311"/>
        <source>crosses {what}</source>
        <translation>перетинає: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="312"/>
        <source> or </source>
        <translation> або </translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="313"/>
        <source> (both would have to be lifted)</source>
        <translation> (зняти довелося б обидва)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="314"/>
        <source> (all of them would have to be lifted)</source>
        <translation> (зняти довелося б усі)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="315"/>
        <source> (nearest road {m} away)</source>
        <translation> (найближча дорога за {m})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="316"/>
        <source>coaches</source>
        <translation>автобусів</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="317"/>
        <source>ambulances</source>
        <translation>машин швидкої допомоги</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="318"/>
        <source>minibuses</source>
        <translation>мікроавтобусів</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="40"/>
        <source>bus</source>
        <translation>автобус</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="41"/>
        <source>ambulance</source>
        <translation>швидка</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="50"/>
        <source>Convoy</source>
        <extracomment>The convoy table&apos;s columns by key, in order: what a planner reads first (size, people, the times) comes before the place names, so the short result row under the map shows it without scrolling (it showed convoy, escort, round and half of &quot;Forms at&quot;).</extracomment>
        <translation>Колона</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="51"/>
        <source>Escort</source>
        <translation>Супровід</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="52"/>
        <source>Round</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="53"/>
        <location filename="../../ui/panels/convoys.py" line="71"/>
        <source>Vehicles</source>
        <translation>Машин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="54"/>
        <source>Forms at</source>
        <translation>Формується в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="55"/>
        <source>Departs</source>
        <translation>Виїзд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="56"/>
        <source>Latest safe departure</source>
        <translation>Найпізніший безпечний виїзд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="57"/>
        <source>Stops (boarded)</source>
        <translation>Зупинки (посаджено)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="58"/>
        <source>Reception point</source>
        <translation>Пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="59"/>
        <location filename="../../ui/panels/convoys.py" line="67"/>
        <source>Arrives</source>
        <translation>Прибуття</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="60"/>
        <location filename="../../ui/panels/convoys.py" line="72"/>
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="65"/>
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="66"/>
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="68"/>
        <source>Check starts</source>
        <translation>Початок перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="69"/>
        <source>Wait</source>
        <translation>Очікування</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="70"/>
        <source>Clear</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Vehicle</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Seats</source>
        <translation>Місць</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Passengers</source>
        <translation>Пасажирів</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Boarded at</source>
        <translation>Посадка в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="123"/>
        <source>The schedule has no convoys: nobody can leave in this window (see the Summary).</source>
        <translation>У розкладі немає колон: у цьому вікні ніхто не може виїхати (див. «Підсумок»).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="184"/>
        <source>Select a convoy: its passages and vehicles.</source>
        <translation>Виберіть колону: її блокпости й машини.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="189"/>
        <source>&lt;b&gt;{convoy}&lt;/b&gt;: {n} checkpoint passages in, {m} out; {people} people on {vehicles} vehicles</source>
        <translation>&lt;b&gt;{convoy}&lt;/b&gt;: проходжень блокпостів туди: {n}, назад: {m}; людей: {people}, машин: {vehicles}</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="87"/>
        <source>driving in (empty)</source>
        <translation>рух туди (порожня)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="88"/>
        <source>boarding</source>
        <translation>посадка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="89"/>
        <source>queued at a checkpoint</source>
        <translation>у черзі на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="90"/>
        <source>checkpoint passage</source>
        <translation>проходження блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="91"/>
        <source>halt</source>
        <translation>зупинка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="92"/>
        <source>driving out (loaded)</source>
        <translation>рух назад (з людьми)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="93"/>
        <source>unloading</source>
        <translation>висадка</translation>
    </message>
</context>
<context>
    <name>SnapLayer</name>
    <message>
        <location filename="../../ui/map/snaps.py" line="114"/>
        <source>{distance} to the road</source>
        <translation>{distance} до дороги</translation>
    </message>
    <message>
        <location filename="../../ui/map/snaps.py" line="116"/>
        <location filename="../../ui/map/view.py" line="441"/>
        <source>{distance} to the road — too far</source>
        <translation>{distance} до дороги — надто далеко</translation>
    </message>
    <message>
        <location filename="../../ui/map/snaps.py" line="127"/>
        <location filename="../../ui/messages.py" line="348"/>
        <source>{n} m</source>
        <translation>{n} м</translation>
    </message>
    <message>
        <location filename="../../ui/map/snaps.py" line="128"/>
        <location filename="../../ui/messages.py" line="349"/>
        <location filename="../../ui/panels/results.py" line="155"/>
        <source>{n} km</source>
        <translation>{n} км</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/panels/start.py" line="37"/>
        <source>No connection to OpenStreetMap from this machine. Import an OpenStreetMap extract of Ukraine (for example &lt;b&gt;ukraine-latest.osm.pbf&lt;/b&gt; from download.geofabrik.de) as network &lt;b&gt;{network}&lt;/b&gt; clipped to {bbox}: &lt;i&gt;Networks → Import OSM file…&lt;/i&gt;, or&lt;br&gt;&lt;code&gt;evacplan data import ukraine-latest.osm.pbf --name {network} --bbox {bbox}&lt;/code&gt;</source>
        <translation>З цього комп’ютера немає з’єднання з OpenStreetMap. Імпортуйте витяг OpenStreetMap для України (наприклад, &lt;b&gt;ukraine-latest.osm.pbf&lt;/b&gt; з download.geofabrik.de) як мережу &lt;b&gt;{network}&lt;/b&gt;, обрізану до {bbox}: &lt;i&gt;Мережі → Імпортувати файл OSM…&lt;/i&gt;, або&lt;br&gt;&lt;code&gt;evacplan data import ukraine-latest.osm.pbf --name {network} --bbox {bbox}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="96"/>
        <source>Evacuation convoys through negotiated corridors: routes, convoy schedules and how many people can leave in a window.</source>
        <translation>Евакуаційні колони через погоджені коридори: маршрути, розклади колон і скільки людей може виїхати за вікно.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="112"/>
        <source>Mariupol 2022: Azovstal to Zaporizhzhia</source>
        <translation>Маріуполь 2022: з «Азовсталі» до Запоріжжя</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="114"/>
        <source>The UN/ICRC operation of 30 April 2022: Azovstal bunkers and city assembly points, the corridor west through Manhush, Berdiansk, Tokmak and Vasylivka, about 20 checkpoints.</source>
        <translation>Операція ООН/МКЧХ 30 квітня 2022 року: укриття «Азовсталі» та міські пункти збору, коридор на захід через Мангуш, Бердянськ, Токмак і Василівку, близько 20 блокпостів.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="123"/>
        <source>Open plan</source>
        <translation>Відкрити план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="125"/>
        <source>Fetch network from OpenStreetMap</source>
        <translation>Завантажити мережу з OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="127"/>
        <source>Import OSM file…</source>
        <translation>Імпортувати файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="135"/>
        <source>Offline demo: Neubrandenburg drill</source>
        <translation>Офлайн-демо: навчання в Нойбранденбурзі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="137"/>
        <source>A drill on the bundled Neubrandenburg road network (OpenStreetMap, ships with evacplan): assembly points, the B 96 south corridor, checkpoints and a bus depot. Works without internet.</source>
        <translation>Навчання на вбудованій дорожній мережі Нойбранденбурга (OpenStreetMap, постачається з evacplan): пункти збору, південний коридор B 96, блокпости й автобусна база. Працює без інтернету.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="141"/>
        <source>Open demo plan</source>
        <translation>Відкрити демо-план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="150"/>
        <source>Recent plans</source>
        <translation>Нещодавні плани</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="150"/>
        <location filename="../../ui/panels/start.py" line="194"/>
        <source>Double-click to open.</source>
        <translation>Двічі клацніть, щоб відкрити.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="156"/>
        <source>Open…</source>
        <translation>Відкрити…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="163"/>
        <source>New plan</source>
        <translation>Новий план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="165"/>
        <source>Start an empty plan on a road network from the store (the demo network is always there; import more from OpenStreetMap files with Networks → Import OSM file…).</source>
        <translation>Почніть порожній план на дорожній мережі зі сховища (демо-мережа є завжди; інші імпортуйте з файлів OpenStreetMap через Мережі → Імпортувати файл OSM…).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="174"/>
        <source>New plan…</source>
        <translation>Новий план…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="191"/>
        <source>{path} (missing)</source>
        <translation>{path} (відсутній)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="196"/>
        <source>No recent plans yet: plans you open or save appear here.</source>
        <translation>Нещодавніх планів ще немає: тут з’являться плани, які ви відкриєте або збережете.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="202"/>
        <source>Networks in the store: {names}</source>
        <translation>Мережі у сховищі: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="202"/>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="210"/>
        <source>The plan file {path} is missing from this installation.</source>
        <translation>Файлу плану {path} немає в цій інсталяції.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="218"/>
        <source>Network &lt;b&gt;{network}&lt;/b&gt; is in the store.</source>
        <translation>Мережа &lt;b&gt;{network}&lt;/b&gt; є у сховищі.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="225"/>
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store yet.</source>
        <translation>Його дорожньої мережі &lt;b&gt;{network}&lt;/b&gt; ще немає у сховищі.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="227"/>
        <source>Checking for a connection to OpenStreetMap…</source>
        <translation>Перевірка з’єднання з OpenStreetMap…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="240"/>
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store yet: fetch it from OpenStreetMap (a few minutes), or import a file you have.</source>
        <translation>Його дорожньої мережі &lt;b&gt;{network}&lt;/b&gt; ще немає у сховищі: завантажте її з OpenStreetMap (кілька хвилин) або імпортуйте наявний файл.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="247"/>
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store.</source>
        <translation>Його дорожньої мережі &lt;b&gt;{network}&lt;/b&gt; немає у сховищі.</translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <location filename="../../ui/messages.py" line="215"/>
        <source>checking the plan</source>
        <translation>перевірка плану</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="216"/>
        <source>building the usable road network</source>
        <translation>побудова доступної дорожньої мережі</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="217"/>
        <source>travel-time matrix</source>
        <translation>матриця часу в дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="218"/>
        <source>routes {pickup} -&gt; {destination}</source>
        <translation>маршрути {pickup} → {destination}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="219"/>
        <source>explaining unreachable pairs</source>
        <translation>пошук причин недосяжності</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="220"/>
        <source>{n:d} routes</source>
        <translation>маршрутів: {n:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="221"/>
        <source>forming convoys</source>
        <translation>формування колон</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="222"/>
        <source>upper bound</source>
        <translation>верхня межа</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="223"/>
        <source>tightening the upper bound: part {done:d} of {total:d}</source>
        <translation>уточнення верхньої межі: частина {done:d} з {total:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224"/>
        <source>buses needed to move everyone</source>
        <translation>скільки автобусів потрібно, щоб вивезти всіх</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="225"/>
        <source>packaging the schedule</source>
        <translation>складання графіка</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="226"/>
        <source>{out:d} of {demand:d} people out</source>
        <translation>вивезено {out:d} з {demand:d} осіб</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="227"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="228"/>
        <source>building the offline demo network from {file} (once)</source>
        <translation>побудова офлайн-мережі для демонстрації з {file} (лише вперше)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="229"/>
        <source>reading {file}</source>
        <translation>читання {file}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="230"/>
        <source>reading {file}: {n:d} roads</source>
        <translation>читання {file}: доріг {n:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="231"/>
        <source>building the graph from {n:d} roads</source>
        <translation>побудова графа доріг (доріг: {n:d})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="232"/>
        <source>keeping the largest strongly connected part</source>
        <translation>відбір найбільшої сильно зв’язної частини</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="233"/>
        <source>simplifying {n:d} nodes</source>
        <translation>спрощення мережі (вузлів: {n:d})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="234"/>
        <source>adding speeds and travel times</source>
        <translation>додавання швидкостей і часу в дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="235"/>
        <source>projecting to the local UTM zone</source>
        <translation>перерахунок у місцеву зону UTM</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="236"/>
        <source>imported {name}: {nodes:d} nodes, {edges:d} edges</source>
        <translation>імпортовано {name}: вузлів {nodes:d}, ребер {edges:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="237"/>
        <source>downloading {place} from OpenStreetMap</source>
        <translation>завантаження {place} з OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="238"/>
        <source>variant {name}</source>
        <translation>варіант {name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="239"/>
        <source>{n:d} runs started</source>
        <translation>запущено розрахунків: {n:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="240"/>
        <source>{done:d} of {n:d} runs done</source>
        <translation>виконано {done:d} з {n:d} розрахунків</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="241"/>
        <source>{n:d} runs done</source>
        <translation>виконано розрахунків: {n:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="242"/>
        <source>writing {path}</source>
        <translation>запис {path}</translation>
    </message>
</context>
<context>
    <name>TasksMixin</name>
    <message>
        <location filename="../../ui/window/tasks.py" line="19"/>
        <source>Compute</source>
        <extracomment>The tasks&apos; names (identifiers in signals; translated where shown, context TasksMixin).</extracomment>
        <translation>Розрахунок</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="20"/>
        <source>Tighten the bound</source>
        <translation>Уточнення межі</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="21"/>
        <source>Build network</source>
        <translation>Побудова мережі</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="22"/>
        <source>Load network</source>
        <translation>Завантаження мережі</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="23"/>
        <source>Import</source>
        <translation>Імпорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="24"/>
        <source>Fetch</source>
        <translation>Завантаження</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="25"/>
        <source>Export PDF</source>
        <translation>Експорт PDF</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="26"/>
        <source>Export CSV</source>
        <translation>Експорт CSV</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="27"/>
        <source>Export GEOJSON</source>
        <translation>Експорт GeoJSON</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="28"/>
        <source>Export GPX</source>
        <translation>Експорт GPX</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="43"/>
        <source>Busy: {task} is running</source>
        <translation>Зайнято: виконується «{task}»</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="89"/>
        <location filename="../../ui/window/tasks.py" line="91"/>
        <source>Compute failed: {message}</source>
        <translation>Розрахунок не вдався: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="95"/>
        <location filename="../../ui/window/tasks.py" line="99"/>
        <source>{task} failed</source>
        <translation>«{task}» не вдалося</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="104"/>
        <source>{task} cancelled: nothing changed.</source>
        <translation>«{task}» скасовано: нічого не змінилося.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="120"/>
        <source>Cancelling {task}…</source>
        <translation>Скасування: «{task}»…</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="123"/>
        <source>Cancelling the what-if run…</source>
        <translation>Скасування розрахунку «що, якщо»…</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="172"/>
        <source>The plan is computed as soon as its road network is loaded.</source>
        <translation>План буде розраховано, щойно завантажиться його дорожня мережа.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="176"/>
        <source>Network {name} is not in the store: import or fetch it (Networks menu).</source>
        <translation>Мережі {name} немає у сховищі: імпортуйте або завантажте її (меню «Мережі»).</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="181"/>
        <source>Cannot compute: the plan&apos;s road network is not loaded.</source>
        <translation>Розрахунок неможливий: дорожню мережу плану не завантажено.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="223"/>
        <source>Tightening the upper bound ({s} s a solver run): this takes minutes; Esc cancels.</source>
        <translation>Уточнення верхньої межі ({s} с на запуск розв’язувача): це триває кілька хвилин; Esc скасовує.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="235"/>
        <source>The plan changed while the bound was tightened: press F5 again.</source>
        <translation>План змінився під час уточнення межі: натисніть F5 ще раз.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="243"/>
        <source>Bound tightened: at most {bound} people, gap {gap}.</source>
        <translation>Межу уточнено: щонайбільше {bound} осіб, відрив {gap}.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="251"/>
        <source>The plan changed while computing: press F5 again.</source>
        <translation>План змінився під час розрахунку: натисніть F5 ще раз.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="258"/>
        <source>Computed: {n} convoys, {out} of {demand} people out.</source>
        <translation>Розраховано: колон: {n}, вивезено {out} з {demand} осіб.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="267"/>
        <source>(+{n} more in Problems)</source>
        <translation>(ще {n} у «Проблемах»)</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="269"/>
        <source>see Problems</source>
        <translation>див. «Проблеми»</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="270"/>
        <source>Not computed: {reason}</source>
        <translation>Не розраховано: {reason}</translation>
    </message>
</context>
<context>
    <name>TimeSlider</name>
    <message>
        <location filename="../../ui/convoys/slider.py" line="45"/>
        <source>Play the schedule</source>
        <translation>Відтворити розклад</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="47"/>
        <source>Time:</source>
        <translation>Час:</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="49"/>
        <source>Where every convoy is at this time</source>
        <translation>Де перебуває кожна колона в цей час</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="79"/>
        <source>no schedule</source>
        <translation>розкладу немає</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <location filename="../../ui/messages.py" line="333"/>
        <source>convoys</source>
        <extracomment>How ``describe`` names each kind, and the kind it is (``hazard zone H1`` is a hazard).</extracomment>
        <translation>колон</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="334"/>
        <source>hours</source>
        <translation>год</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="335"/>
        <source>km/h</source>
        <translation>км/год</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="336"/>
        <source>lanes</source>
        <translation>смуг</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="337"/>
        <source>metres</source>
        <translation>м</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="338"/>
        <source>minutes</source>
        <translation>хв</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="339"/>
        <source>people</source>
        <translation>осіб</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="340"/>
        <source>places</source>
        <translation>місць</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="341"/>
        <source>seats</source>
        <translation>місць</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="342"/>
        <source>seconds per person</source>
        <translation>с на особу</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="343"/>
        <source>tonnes</source>
        <translation>т</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="344"/>
        <source>vehicles</source>
        <translation>машин</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="350"/>
        <source>{id} ({pct} busy)</source>
        <translation>{id} — {pct}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="351"/>
        <source>plan</source>
        <translation>план</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="56"/>
        <source>+{n}d</source>
        <translation>+{n} дн.</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="64"/>
        <source>h</source>
        <translation>год</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="65"/>
        <source>min</source>
        <translation>хв</translation>
    </message>
</context>
<context>
    <name>Unserved</name>
    <message>
        <location filename="../../ui/messages.py" line="183"/>
        <source>convoys go for the priority classes first; without the rule {free:d} people out</source>
        <translation>колони спершу вивозять пріоритетні групи; без цього правила вивезли б {free:d} осіб</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="186"/>
        <source>no vehicle has stretcher places</source>
        <translation>жоден транспортний засіб не має місць для нош</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="187"/>
        <source>no vehicles in the plan</source>
        <translation>у плані немає транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="188"/>
        <source>pickup {pickup} cannot be reached or cannot reach a destination</source>
        <translation>до пункту збору {pickup} не можна доїхати або від нього не можна доїхати до пункту прийому</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="189"/>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="190"/>
        <source>destination {destinations:list} full</source>
        <translation>пункт прийому {destinations:list} заповнений</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="191"/>
        <source>checkpoint {checkpoints:list} is closed for the whole window</source>
        <translation>блокпост {checkpoints:list} закритий упродовж усього вікна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="192"/>
        <source>no passage of checkpoint {checkpoints:list} fits its open hours for a convoy from {pickup}</source>
        <translation>колона з {pickup} не встигає пройти блокпост {checkpoints:list} у години його роботи</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="195"/>
        <source>no convoy can reach {pickup} and unload at a destination inside the window</source>
        <translation>жодна колона не встигає доїхати до {pickup} і розвантажитися в пункті прийому в межах вікна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="198"/>
        <source>{teams:d} escort team(s) lead convoys the whole window</source>
        <translation>груп супроводу: {teams:d}, і вони ведуть колони впродовж усього вікна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="199"/>
        <source>checkpoint {checkpoints:list} serves convoys back to back until the window closes</source>
        <translation>блокпост {checkpoints:list} пропускає колони одну за одною без перерви до кінця вікна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="202"/>
        <source>every one of the {teams:d} escort team(s) is busy until the window closes</source>
        <translation>усі групи супроводу ({teams:d}) зайняті до кінця вікна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="205"/>
        <source>{idle:d} vehicle(s) stand unused: no further convoy fits the window through the checkpoint queues on the way ({busiest:busy})</source>
        <translation>машин без діла: {idle:d} — через черги на блокпостах дорогою (завантаженість: {busiest:busy}) жодна колона більше не вкладається у вікно</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="209"/>
        <source>{idle:d} vehicle(s) stand unused: no further convoy from where they stand fits the window</source>
        <translation>машин без діла: {idle:d} — з місця, де вони стоять, жодна колона більше не вкладається у вікно</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="212"/>
        <source>every vehicle is busy until the window closes</source>
        <translation>увесь транспорт зайнятий до кінця вікна</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../../ui/window/guide.py" line="36"/>
        <source>evacplan — user guide</source>
        <translation>evacplan — посібник користувача</translation>
    </message>
</context>
<context>
    <name>VariantsPanel</name>
    <message>
        <location filename="../../ui/panels/variants.py" line="63"/>
        <source>worker processes</source>
        <translation>окремі процеси</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="64"/>
        <source>this process</source>
        <translation>цей процес</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="68"/>
        <source>Run all (Shift+F5) to compare the variants with the base plan.</source>
        <translation>«Запустити всі» (Shift+F5) — порівняти варіанти з базовим планом.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="69"/>
        <source>New variant, or Open… a variants file; then run all (Shift+F5) to compare the variants with the base plan.</source>
        <translation>«Новий варіант» або «Відкрити…» файл варіантів; потім «Запустити всі» (Shift+F5), щоб порівняти варіанти з базовим планом.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="73"/>
        <source>Open a variants file with a sweep and run all (Shift+F5) to compare the variants with the base plan — the sweep&apos;s curve shows here.</source>
        <translation>Відкрийте файл варіантів із серією й запустіть усі (Shift+F5), щоб порівняти варіанти з базовим планом, — тут з’явиться крива серії.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="178"/>
        <source>Every run of this sweep failed.</source>
        <translation>Усі розрахунки цієї серії не вдалися.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="221"/>
        <source>demand {n}</source>
        <translation>потреба {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="271"/>
        <source>New variant</source>
        <translation>Новий варіант</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="272"/>
        <source>Record edits</source>
        <translation>Записувати зміни</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="274"/>
        <source>Remove</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="275"/>
        <source>Open…</source>
        <translation>Відкрити…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="276"/>
        <source>Save…</source>
        <translation>Зберегти…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="280"/>
        <source>Run all</source>
        <translation>Запустити всі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="281"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="305"/>
        <source>Apply</source>
        <translation>Застосувати</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="325"/>
        <source>Click a variant&apos;s column to show its routes on the map</source>
        <translation>Клацніть стовпець варіанту, щоб показати його маршрути на карті</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="336"/>
        <source>Comparison</source>
        <translation>Порівняння</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="346"/>
        <source>Sweep</source>
        <translation>Серія</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="388"/>
        <source>Variant {n}</source>
        <translation>Варіант {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="423"/>
        <source>{n} sweep(s): {names}</source>
        <translation>Серій: {n}: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="434"/>
        <source>{n} change(s)</source>
        <translation>Змін: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="468"/>
        <source>Variant {name}: not valid JSON (line {line}: {msg})</source>
        <translation>Варіант {name}: некоректний JSON (рядок {line}: {msg})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="477"/>
        <source>Variant {name}: {n} change(s)</source>
        <translation>Варіант {name}: змін: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="488"/>
        <source>Recording edits into {name}: edit the map, then release Record edits.</source>
        <translation>Зміни записуються у {name}: змініть карту, потім відпустіть «Записувати зміни».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="502"/>
        <source>{n} change(s) recorded into {name}.</source>
        <translation>Записано змін у {name}: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="504"/>
        <source>Left out: {items}</source>
        <translation>Пропущено: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="526"/>
        <source>Saved {path}</source>
        <translation>Збережено: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="531"/>
        <source>Open variants</source>
        <translation>Відкрити варіанти</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="531"/>
        <location filename="../../ui/panels/variants.py" line="537"/>
        <source>Variants (*.json)</source>
        <translation>Варіанти (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="537"/>
        <source>Save variants</source>
        <translation>Зберегти варіанти</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="549"/>
        <source>The plan&apos;s road network is not loaded: import it first.</source>
        <translation>Дорожню мережу плану не завантажено: спершу імпортуйте її.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="552"/>
        <source>No variants yet: press New variant.</source>
        <translation>Варіантів ще немає: натисніть «Новий варіант».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="567"/>
        <source>What-if failed: {msg}</source>
        <translation>Розрахунок «що, якщо» не вдався: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="569"/>
        <source>Cancelled.</source>
        <translation>Скасовано.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="575"/>
        <source>Running…</source>
        <translation>Виконується…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="576"/>
        <source>Running the base and {n} variant(s)…</source>
        <translation>Розраховуються базовий план і варіанти ({n})…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="593"/>
        <source>{n} runs done.</source>
        <translation>Розрахунків виконано: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="697"/>
        <source>{name}: no route changes.</source>
        <translation>{name}: маршрути не змінилися.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="700"/>
        <source>Routes changed in {name}: {changes}</source>
        <translation>Змінені маршрути у {name}: {changes}</translation>
    </message>
</context>
<context>
    <name>WhatIf</name>
    <message>
        <location filename="../../ui/messages.py" line="245"/>
        <source>Demand (people)</source>
        <translation>Потреба (осіб)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="246"/>
        <source>People out</source>
        <translation>Вивезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="247"/>
        <source>Upper bound</source>
        <translation>Верхня межа</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="248"/>
        <source>Gap to bound (people)</source>
        <translation>Відрив від межі (осіб)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="249"/>
        <source>Finish</source>
        <translation>Завершення</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="250"/>
        <source>Convoys</source>
        <translation>Колони</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="251"/>
        <source>Buses used</source>
        <translation>Задіяно машин</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="252"/>
        <source>Vehicles in plan</source>
        <translation>Машин у плані</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="253"/>
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="254"/>
        <source>Seat use</source>
        <translation>Заповнення місць</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="255"/>
        <source>Unserved: {reason}</source>
        <translation>Не вивезено: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="256"/>
        <source>{pickup} -&gt; {destination}: rerouted, {base_min:.1f} -&gt; {variant_min:.1f} min ({extra_min:+.1f} min)</source>
        <translation>{pickup} → {destination}: інший маршрут, {base_min:.1f} → {variant_min:.1f} хв ({extra_min:+.1f} хв)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="259"/>
        <source>{pickup} -&gt; {destination}: slower, {base_min:.1f} -&gt; {variant_min:.1f} min ({extra_min:+.1f} min)</source>
        <translation>{pickup} → {destination}: повільніше, {base_min:.1f} → {variant_min:.1f} хв ({extra_min:+.1f} хв)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="262"/>
        <source>{pickup} -&gt; {destination}: faster, {base_min:.1f} -&gt; {variant_min:.1f} min ({extra_min:+.1f} min)</source>
        <translation>{pickup} → {destination}: швидше, {base_min:.1f} → {variant_min:.1f} хв ({extra_min:+.1f} хв)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="265"/>
        <source>{pickup} -&gt; {destination}: unreachable (was {base_min:.1f} min)</source>
        <translation>{pickup} → {destination}: недосяжно (було {base_min:.1f} хв)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="266"/>
        <source>{pickup} -&gt; {destination}: new, {variant_min:.1f} min</source>
        <translation>{pickup} → {destination}: новий маршрут, {variant_min:.1f} хв</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="267"/>
        <source>checkpoints {base} -&gt; {variant}</source>
        <translation>блокпости {base} → {variant}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="268"/>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="269"/>
        <source>{d} min</source>
        <translation>{d} хв</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="270"/>
        <source>{name}: {label} = {value} or more moves everyone ({demand:d} people)</source>
        <translation>{name}: за {label} = {value} і більше вивозять усіх ({demand:d} осіб)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="273"/>
        <source>{name}: {label} = {value} or less moves everyone ({demand:d} people)</source>
        <translation>{name}: за {label} = {value} і менше вивозять усіх ({demand:d} осіб)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="276"/>
        <source>{name}: every run failed</source>
        <translation>{name}: жоден розрахунок не вдався</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="277"/>
        <source>{name}: no value tried moves everyone; at best {best:d} of {demand:d} people</source>
        <translation>{name}: за жодного з перевірених значень не вивозять усіх; щонайбільше {best:d} з {demand:d} осіб</translation>
    </message>
</context>
</TS>
